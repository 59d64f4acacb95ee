package org.synovia.safety;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.synovia.shared.Antithrombotic;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The engine's answer for one planned injection: every finding (worst first), a medication plan per
 * antithrombotic, the patient's instructions in plain English and a summary for staff.
 *
 * @param highestSeverity the worst finding's severity, INFO when there are none
 * @param creatinineClearanceMlPerMin the clearance used for dose-count bands (facts AC-41), or null
 */
public record SafetyAssessment(LocalDate assessedOn, Severity highestSeverity, BleedingRisk bleedingRisk,
        Double creatinineClearanceMlPerMin, List<Finding> findings, List<MedicationPlan> medicationPlans,
        List<String> patientInstructions, String staffSummary) {

    public SafetyAssessment {
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity).reversed()).toList();
        medicationPlans = List.copyOf(medicationPlans);
        patientInstructions = List.copyOf(patientInstructions);
    }

    /** True when no finding is a STOP (soft stops still need their justification). */
    @JsonProperty("mayProceed")
    public boolean mayProceed() {
        return highestSeverity != Severity.STOP;
    }

    public List<Finding> findingsOf(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    public Optional<MedicationPlan> planFor(Antithrombotic drug) {
        return medicationPlans.stream().filter(p -> p.drug() == drug).findFirst();
    }
}
