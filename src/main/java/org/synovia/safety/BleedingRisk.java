package org.synovia.safety;

import java.util.List;

/**
 * The procedure's bleeding-risk category by each source, after the patient-factor upgrade (facts
 * PR-01..06). {@code chosen} is the category shown as the working one; ASRA and SIR drug tables are
 * each read at their own category, and the plan satisfies both (docs/clinical-safety/conventions.md).
 *
 * @param asra ASRA/ESRA pain 2018 category for this procedure and patient (upgraded if PR-06 applies)
 * @param sir SIR 2019 category (HIGH for an upgraded patient, per facts §1C)
 * @param patientFactors the PR-06 factors found; empty when none
 * @param asraBeforeUpgrade the ASRA category for the procedure alone, before PR-06
 * @param factorsNotKnown PR-06 factors nobody recorded: the upgrade could not be assessed for them
 */
public record BleedingRisk(ProcedureRisk asra, ProcedureRisk sir, ProcedureRisk chosen, List<String> patientFactors,
        ProcedureRisk asraBeforeUpgrade, List<String> factorsNotKnown) {

    public BleedingRisk {
        patientFactors = List.copyOf(patientFactors);
        asraBeforeUpgrade = asraBeforeUpgrade == null ? asra : asraBeforeUpgrade;
        factorsNotKnown = List.copyOf(factorsNotKnown == null ? List.of() : factorsNotKnown);
    }

    public BleedingRisk(ProcedureRisk asra, ProcedureRisk sir, ProcedureRisk chosen, List<String> patientFactors) {
        this(asra, sir, chosen, patientFactors, null, List.of());
    }

    /** Whether PR-06 raised the ASRA category; SIR has no such rule and keeps its own (convention 4). */
    public boolean upgraded() {
        return asra != asraBeforeUpgrade;
    }

    /** Whether the drug rows of facts §1C (intermediate/high) apply rather than §1B (low). */
    public boolean elevated() {
        return asra != ProcedureRisk.LOW || sir != ProcedureRisk.LOW;
    }
}
