package org.synovia.safety.rules;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.synovia.safety.FindingAction;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.Severity;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-018 — renal function behind dose-count holds (facts AC-23..26, AC-37, AC-41). Creatinine
 * clearance is Cockcroft–Gault on actual weight. When a held DOAC or fondaparinux depends on it, a
 * missing clearance (the lowest band is then assumed) or a creatinine older than the local limit is a
 * warning: a stale result can understate impairment and shorten a hold.
 */
final class RenalFunctionRule implements SafetyRule {

    @Override
    public String id() {
        return "SAF-018";
    }

    @Override
    public String name() {
        return "Renal function for dose-count holds";
    }

    @Override
    public Severity severity() {
        return Severity.WARN;
    }

    @Override
    public String summary() {
        return "Works out creatinine clearance (Cockcroft–Gault, actual weight) and warns when it is missing or "
                + "stale for a DOAC or fondaparinux whose hold depends on it.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.notes("AC-41"), Sources.sir("Table 6", "AC-23", "AC-24", "AC-25", "AC-26", "AC-37"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("creatinine no older than " + policy.renalResultMaxAgeDays() + " days",
                "CrCl = (140 − age) × kg × 1.23 (men) or 1.04 (women, or sex not recorded) / µmol/L");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        boolean needed = context.bleedingRisk().elevated() && context.input().medicines().stream()
                .anyMatch(m -> m.drug() != null && (m.drug().kind() == Antithrombotic.Kind.DIRECT_ORAL_ANTICOAGULANT
                        || m.drug() == Antithrombotic.FONDAPARINUX));
        if (!needed) {
            return;
        }
        PatientFacts patient = context.patient();
        if (context.creatinineClearance().isEmpty()) {
            context.add(this, Severity.WARN, "No creatinine clearance (needs age, weight and a dated creatinine): the "
                    + "lowest CrCl band, and so the longest hold, is assumed; request a creatinine [AC-41]", List.of(), null,
                    false, FindingAction.of(FindingAction.Kind.RECHECK_VALUE, "Request a creatinine with the patient's weight"));
            return;
        }
        String clearance = "CrCl " + Wording.number(context.creatinineClearance().get()) + " mL/min";
        if (patient.creatinineUmolPerL() != null) {
            long age = ChronoUnit.DAYS.between(patient.creatinineDate(), context.today());
            String basis = clearance + " (Cockcroft–Gault: creatinine " + patient.creatinineUmolPerL() + " µmol/L on "
                    + Wording.date(patient.creatinineDate()) + ", weight " + Wording.number(patient.weightKg()) + " kg)";
            if (age > context.policy().renalResultMaxAgeDays()) {
                context.add(this, Severity.WARN, basis + ": creatinine is " + age + " days old, over the limit of "
                        + context.policy().renalResultMaxAgeDays() + "; repeat it before the hold is fixed [AC-41]", List.of(),
                        null, false, FindingAction.of(FindingAction.Kind.RECHECK_VALUE, "Repeat the creatinine"));
            } else {
                context.add(this, Severity.INFO, basis + " [AC-41]");
            }
            return;
        }
        context.add(this, Severity.INFO, clearance + " as stated by the referrer [AC-41]");
    }
}
