package org.synovia.safety;

import java.util.List;

/**
 * The procedure's bleeding-risk category by each source, after the patient-factor upgrade (facts
 * PR-01..06). {@code chosen} is the category shown as the working one; ASRA and SIR drug tables are
 * each read at their own category.
 *
 * @param asra ASRA/ESRA pain 2018 category for this procedure and patient (upgraded if PR-06 applies)
 * @param sir SIR 2019 category (HIGH for an upgraded patient, per facts §1C)
 * @param patientFactors the PR-06 factors found; empty when none
 */
public record BleedingRisk(ProcedureRisk asra, ProcedureRisk sir, ProcedureRisk chosen, List<String> patientFactors) {

    public BleedingRisk {
        patientFactors = List.copyOf(patientFactors);
    }

    /** Whether the drug rows of facts §1C (intermediate/high) apply rather than §1B (low). */
    public boolean elevated() {
        return asra != ProcedureRisk.LOW || sir != ProcedureRisk.LOW;
    }
}
