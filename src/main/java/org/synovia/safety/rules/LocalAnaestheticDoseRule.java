package org.synovia.safety.rules;

import java.util.ArrayList;
import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.LidocainePlainMax;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.Severity;
import org.synovia.safety.SourceAnswer;
import org.synovia.shared.Sex;

/**
 * SAF-070 — local anaesthetic maximum dose by weight (facts LA-01..05).
 * <p>
 * Lidocaine plain: 3 mg/kg (UK teaching) vs 4.5 mg/kg, max 300 mg (US label) — policy
 * {@code lidocaine-plain-max}, default 3; with adrenaline 7 mg/kg, max 500 mg. Bupivacaine 2 mg/kg,
 * capped at the UK single dose of 150 mg (adrenaline does not raise it). Levobupivacaine: 150 mg single
 * dose. With BMI ≥ 30 the dose is calculated on ideal body weight (LA-04; Devine: men 50 kg, women
 * 45.5 kg, + 0.9 kg per cm over 152 cm; a patient whose sex is not recorded is dosed as a woman, the
 * lower weight). Mixtures are additive fractions of each agent's maximum; the total must not exceed
 * 100% (LA-05).
 */
final class LocalAnaestheticDoseRule implements SafetyRule {

    static final double LIDOCAINE_UK_MG_PER_KG = 3.0;
    static final double LIDOCAINE_US_MG_PER_KG = 4.5;
    static final double LIDOCAINE_US_CEILING_MG = 300;
    static final double LIDOCAINE_ADRENALINE_MG_PER_KG = 7.0;
    static final double LIDOCAINE_ADRENALINE_CEILING_MG = 500;
    static final double BUPIVACAINE_MG_PER_KG = 2.0;
    static final double BUPIVACAINE_SINGLE_DOSE_CEILING_MG = 150;
    static final double LEVOBUPIVACAINE_SINGLE_DOSE_CEILING_MG = 150;
    static final double OBESITY_BMI = 30;
    static final double DEVINE_MALE_BASE_KG = 50;
    static final double DEVINE_FEMALE_BASE_KG = 45.5;
    static final double DEVINE_KG_PER_CM = 0.9;
    static final double DEVINE_BASE_HEIGHT_CM = 152;
    static final double MAX_TOTAL_FRACTION_PERCENT = 100;

    @Override
    public String id() {
        return "SAF-070";
    }

    @Override
    public String name() {
        return "Local anaesthetic maximum dose";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Adds each local anaesthetic as a fraction of its weight-based maximum (ideal body weight when "
                + "BMI ≥ 30) and stops above 100%.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("Oxford Medical Education LA table; levobupivacaine SmPC; US labels (S18)", 2023,
                "maximum doses", "LA-01", "LA-02", "LA-03"),
                GuidelineReference.of("BNF/SOBA convention as quoted by calculators", GuidelineReference.UNDATED, "obesity", "LA-04"),
                Sources.notes("LA-05"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("lidocaine plain " + (policy.lidocainePlainMax() == LidocainePlainMax.UK_3_MG_PER_KG
                        ? LIDOCAINE_UK_MG_PER_KG + " mg/kg" : LIDOCAINE_US_MG_PER_KG + " mg/kg, max " + (int) LIDOCAINE_US_CEILING_MG
                        + " mg") + " (policy lidocaine-plain-max = " + policy.lidocainePlainMax() + ")",
                "lidocaine with adrenaline " + LIDOCAINE_ADRENALINE_MG_PER_KG + " mg/kg, max "
                        + (int) LIDOCAINE_ADRENALINE_CEILING_MG + " mg",
                "bupivacaine " + BUPIVACAINE_MG_PER_KG + " mg/kg, max " + (int) BUPIVACAINE_SINGLE_DOSE_CEILING_MG + " mg",
                "levobupivacaine max " + (int) LEVOBUPIVACAINE_SINGLE_DOSE_CEILING_MG + " mg",
                "ideal body weight (Devine) when BMI ≥ " + (int) OBESITY_BMI,
                "sum of fractions ≤ " + (int) MAX_TOTAL_FRACTION_PERCENT + "%");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        List<PlannedDrug> anaesthetics = context.procedure().drugs().stream().filter(d -> d.agent().localAnaesthetic()).toList();
        if (anaesthetics.isEmpty()) {
            return;
        }
        PatientFacts patient = context.patient();
        if (patient.weightKg() == null) {
            context.add(this, Severity.WARN, "Weight not recorded: the local anaesthetic dose cannot be checked; weigh "
                    + "the patient [LA-01..03]");
            return;
        }
        DosingWeight weight = dosingWeight(patient);
        LidocainePlainMax choice = context.policy().lidocainePlainMax();
        List<String> parts = new ArrayList<>();
        List<SourceAnswer> answers = new ArrayList<>();
        double totalPercent = 0;
        for (PlannedDrug drug : anaesthetics) {
            Double dose = drug.resolvedDoseMg();
            if (dose == null) {
                context.add(this, Severity.WARN, drug.agent().label() + ": dose not given (mg, or % and mL) [LA-05]");
                continue;
            }
            double max = maximumMg(drug, weight.kg(), choice);
            double percent = dose / max * 100;
            totalPercent += percent;
            Double mgPerMl = drug.mgPerMl();
            parts.add(drug.agent().label() + " " + Wording.number(dose) + " mg of max " + Wording.number(max) + " mg"
                    + (mgPerMl != null ? " (= " + Wording.number(max / mgPerMl) + " mL)" : "") + " = "
                    + Math.round(percent) + "%");
            if (drug.agent() == InjectedAgent.LIDOCAINE && !drug.withAdrenaline()) {
                answers.add(new SourceAnswer("UK teaching (LA-01)", Wording.number(LIDOCAINE_UK_MG_PER_KG * weight.kg())
                        + " mg (3 mg/kg)"));
                answers.add(new SourceAnswer("US label (LA-01)", Wording.number(Math.min(LIDOCAINE_US_MG_PER_KG * weight.kg(),
                        LIDOCAINE_US_CEILING_MG)) + " mg (4.5 mg/kg, max 300 mg)"));
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        String message = weight.words() + ": " + String.join(" + ", parts) + " → total " + Math.round(totalPercent) + "%";
        String policyChoice = answers.isEmpty() ? null : "lidocaine-plain-max = " + choice;
        Severity severity = totalPercent > MAX_TOTAL_FRACTION_PERCENT ? Severity.STOP : Severity.INFO;
        String verdict = severity == Severity.STOP ? ": above " + (int) MAX_TOTAL_FRACTION_PERCENT + "%, block; reduce the volume"
                : ": allowed";
        if (severity == Severity.INFO && patient.heightCm() == null) {
            severity = Severity.WARN;
            verdict += "; height not recorded, so obesity (BMI ≥ 30) could not be checked";
        }
        context.add(this, severity, message + verdict + " [LA-01, LA-02, LA-03, LA-04, LA-05]", answers, policyChoice, false);
    }

    static double maximumMg(PlannedDrug drug, double kg, LidocainePlainMax choice) {
        return switch (drug.agent()) {
            case LIDOCAINE -> drug.withAdrenaline()
                    ? Math.min(LIDOCAINE_ADRENALINE_MG_PER_KG * kg, LIDOCAINE_ADRENALINE_CEILING_MG)
                    : choice == LidocainePlainMax.UK_3_MG_PER_KG ? LIDOCAINE_UK_MG_PER_KG * kg
                            : Math.min(LIDOCAINE_US_MG_PER_KG * kg, LIDOCAINE_US_CEILING_MG);
            case BUPIVACAINE -> Math.min(BUPIVACAINE_MG_PER_KG * kg, BUPIVACAINE_SINGLE_DOSE_CEILING_MG);
            case LEVOBUPIVACAINE -> LEVOBUPIVACAINE_SINGLE_DOSE_CEILING_MG;
            default -> throw new IllegalArgumentException("not a local anaesthetic: " + drug.agent());
        };
    }

    static DosingWeight dosingWeight(PatientFacts patient) {
        double actual = patient.weightKg();
        if (patient.heightCm() == null) {
            return new DosingWeight(actual, "actual weight " + Wording.number(actual) + " kg (height not recorded)");
        }
        double metres = patient.heightCm() / 100;
        double bmi = actual / (metres * metres);
        if (bmi < OBESITY_BMI) {
            return new DosingWeight(actual, "actual weight " + Wording.number(actual) + " kg (BMI " + Wording.number(bmi) + ")");
        }
        double base = patient.sex() == Sex.MALE ? DEVINE_MALE_BASE_KG : DEVINE_FEMALE_BASE_KG;
        double ideal = Math.round((base + DEVINE_KG_PER_CM * (patient.heightCm() - DEVINE_BASE_HEIGHT_CM)) * 10) / 10.0;
        double used = Math.min(ideal, actual);
        return new DosingWeight(used, "BMI " + Wording.number(bmi) + " ≥ " + (int) OBESITY_BMI + ": ideal body weight (Devine) "
                + Wording.number(used) + " kg used, actual " + Wording.number(actual) + " kg");
    }

    record DosingWeight(double kg, String words) {
    }
}
