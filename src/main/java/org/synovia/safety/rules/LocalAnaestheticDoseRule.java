package org.synovia.safety.rules;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.synovia.catalogue.InjectionSite.BleedingClass;
import org.synovia.catalogue.InjectionSite.JointSize;
import org.synovia.catalogue.InjectionSite.Structure;
import org.synovia.safety.FindingAction;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.LidocainePlainMax;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.PlannedProcedure.Target;
import org.synovia.safety.SafetyInput.GivenDrug;
import org.synovia.safety.Severity;
import org.synovia.safety.SiteFacts;
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
 * lower weight). Mixtures are additive fractions of each agent's maximum; the total over every target
 * of the session must not exceed 100% (LA-05), and the finding gives the largest volume of each agent
 * still permitted. Bupivacaine and levobupivacaine given earlier the same day count towards their
 * 400 mg / 24 h ceilings (LA-02, LA-03). Each target's volume is compared with its usual volume (LA-06).
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
    static final double BUPIVACAINE_24_HOUR_CEILING_MG = 400;
    static final double LEVOBUPIVACAINE_24_HOUR_CEILING_MG = 400;
    static final double SMALL_JOINT_MAX_ML = 0.5;
    static final double MEDIUM_JOINT_MAX_ML = 1.0;
    static final double LARGE_JOINT_OR_SOFT_TISSUE_MAX_ML = 1.0;
    static final double HIP_MAX_ML = 5.0;
    static final double SACROILIAC_MAX_ML = 2.5;
    static final double FACET_OR_MEDIAL_BRANCH_MAX_ML = 0.5;

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
                GuidelineReference.of("Therapeutic Guidelines (Australia) rheumatology; HIT trial; SIJ volume study "
                        + "(S17, S19, S20)", 2022, "usual volumes", "LA-06"),
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
                "sum of fractions ≤ " + (int) MAX_TOTAL_FRACTION_PERCENT + "% over every target of the session",
                "bupivacaine and levobupivacaine ≤ " + (int) BUPIVACAINE_24_HOUR_CEILING_MG + " mg in 24 h, earlier doses included",
                "usual volume per target: small joint " + SMALL_JOINT_MAX_ML + " mL, medium " + MEDIUM_JOINT_MAX_ML
                        + ", large/bursa " + LARGE_JOINT_OR_SOFT_TISSUE_MAX_ML + ", hip " + HIP_MAX_ML + ", sacroiliac "
                        + SACROILIAC_MAX_ML + ", facet/medial branch " + FACET_OR_MEDIAL_BRANCH_MAX_ML);
    }

    @Override
    public void evaluate(AssessmentContext context) {
        List<Target> targets = context.procedure().targets();
        List<PlannedDrug> anaesthetics = targets.stream().flatMap(t -> t.drugs().stream())
                .filter(d -> d.agent().localAnaesthetic()).toList();
        if (anaesthetics.isEmpty()) {
            return;
        }
        checkDose(context, targets, anaesthetics);
        usualVolumes(context, targets);
    }

    private void checkDose(AssessmentContext context, List<Target> targets, List<PlannedDrug> anaesthetics) {
        PatientFacts patient = context.patient();
        if (patient.weightKg() == null) {
            context.add(this, Severity.WARN, "Weight not recorded: the local anaesthetic dose cannot be checked; weigh "
                    + "the patient [LA-01..03]", sources(), List.of(), null, false,
                    List.of(FindingAction.of(FindingAction.Kind.RECHECK_VALUE, "Weigh the patient")));
            return;
        }
        DosingWeight weight = dosingWeight(patient);
        LidocainePlainMax choice = context.policy().lidocainePlainMax();
        List<String> parts = new ArrayList<>();
        List<SourceAnswer> answers = new ArrayList<>();
        List<Dosed> dosed = new ArrayList<>();
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
            dosed.add(new Dosed(drug, dose, max, percent));
            Double mgPerMl = drug.mgPerMl();
            parts.add(drug.agent().label() + " " + Wording.number(dose) + " mg of max " + Wording.number(max) + " mg"
                    + (mgPerMl != null ? " (= " + Wording.number(max / mgPerMl) + " mL)" : "") + " = "
                    + Math.round(percent) + "%");
            if (drug.agent() == InjectedAgent.LIDOCAINE && !drug.withAdrenaline() && answers.isEmpty()) {
                answers.add(new SourceAnswer("UK teaching (LA-01)", Wording.number(LIDOCAINE_UK_MG_PER_KG * weight.kg())
                        + " mg (3 mg/kg)"));
                answers.add(new SourceAnswer("US label (LA-01)", Wording.number(Math.min(LIDOCAINE_US_MG_PER_KG * weight.kg(),
                        LIDOCAINE_US_CEILING_MG)) + " mg (4.5 mg/kg, max 300 mg)"));
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        String across = targets.size() > 1 ? " across " + targets.size() + " targets" : "";
        String message = weight.words() + ": " + String.join(" + ", parts) + across + " → total "
                + Math.round(totalPercent) + "%";
        String policyChoice = answers.isEmpty() ? null : "lidocaine-plain-max = " + choice;
        Severity severity = totalPercent > MAX_TOTAL_FRACTION_PERCENT ? Severity.STOP : Severity.INFO;
        String verdict = severity == Severity.STOP ? ": above " + (int) MAX_TOTAL_FRACTION_PERCENT + "%, block; reduce the volume"
                : ": allowed";
        if (severity == Severity.INFO && patient.heightCm() == null) {
            severity = Severity.WARN;
            verdict += "; height not recorded, so obesity (BMI ≥ 30) could not be checked";
        }
        List<String> largest = largestPermittedVolumes(dosed, totalPercent);
        if (!largest.isEmpty()) {
            verdict += "; largest permitted " + String.join("; ", largest);
        }
        List<FindingAction> actions = severity == Severity.STOP && !largest.isEmpty()
                ? List.of(FindingAction.of(FindingAction.Kind.CHOOSE_ALTERNATIVE, "Reduce to at most " + largest.getFirst()))
                : List.of();
        context.add(this, severity, message + verdict + " [LA-01, LA-02, LA-03, LA-04, LA-05]", sources(), answers,
                policyChoice, false, actions);
        cumulativeDay(context, dosed);
    }

    /**
     * How much of each agent could be given with the others as planned: what is left of 100% after the
     * others, as volume at that agent's strength.
     */
    private static List<String> largestPermittedVolumes(List<Dosed> dosed, double totalPercent) {
        List<String> largest = new ArrayList<>();
        for (Dosed one : dosed) {
            Double mgPerMl = one.drug().mgPerMl();
            if (mgPerMl == null) {
                continue;
            }
            double othersPercent = totalPercent - one.percent();
            double mg = Math.max(0, (MAX_TOTAL_FRACTION_PERCENT - othersPercent) / 100 * one.maxMg());
            String strength = one.drug().concentrationPercent() != null
                    ? Wording.number(one.drug().concentrationPercent()) + "% " : "";
            largest.add(Wording.number(Math.floor(mg / mgPerMl * 10) / 10) + " mL of " + strength
                    + one.drug().agent().label().toLowerCase() + (dosed.size() > 1 ? " with the others as planned" : ""));
        }
        return largest;
    }

    /** Bupivacaine and levobupivacaine have 24-hour ceilings: what was given earlier that day counts (LA-02, LA-03). */
    private void cumulativeDay(AssessmentContext context, List<Dosed> session) {
        LocalDateTime reference = context.start().orElse(context.referenceDate().atStartOfDay());
        List<GivenDrug> earlier = context.input().localAnaestheticLast24h().stream()
                .filter(g -> g.drug().agent().localAnaesthetic())
                .filter(g -> !g.givenAt().isAfter(reference) && g.givenAt().isAfter(reference.minusHours(24)))
                .toList();
        for (InjectedAgent agent : List.of(InjectedAgent.BUPIVACAINE, InjectedAgent.LEVOBUPIVACAINE)) {
            double now = session.stream().filter(d -> d.drug().agent() == agent).mapToDouble(Dosed::doseMg).sum();
            double before = earlier.stream().filter(g -> g.drug().agent() == agent)
                    .mapToDouble(g -> g.drug().resolvedDoseMg() == null ? 0 : g.drug().resolvedDoseMg()).sum();
            if (before == 0) {
                continue;
            }
            double ceiling = agent == InjectedAgent.BUPIVACAINE ? BUPIVACAINE_24_HOUR_CEILING_MG
                    : LEVOBUPIVACAINE_24_HOUR_CEILING_MG;
            double total = now + before;
            String words = agent.label() + " in 24 h: " + Wording.number(before) + " mg given earlier + "
                    + Wording.number(now) + " mg planned = " + Wording.number(total) + " mg of a "
                    + Wording.number(ceiling) + " mg ceiling";
            if (total > ceiling) {
                context.add(this, Severity.STOP, words + ": above the 24-hour maximum; at most "
                        + Wording.number(Math.max(0, ceiling - before)) + " mg may be given now [LA-02, LA-03]");
            } else {
                context.add(this, Severity.INFO, words + ": allowed [LA-02, LA-03]");
            }
        }
    }

    /**
     * Each target's local anaesthetic volume against the usual volume for that target (LA-06). In the
     * spine a larger volume spills out of the joint (S20) and a diagnostic block loses its specificity,
     * so it is a warning there; elsewhere it is for the record.
     */
    private void usualVolumes(AssessmentContext context, List<Target> targets) {
        for (Target target : targets) {
            double volume = target.drugs().stream().filter(d -> d.agent().localAnaesthetic() && d.volumeMl() != null)
                    .mapToDouble(PlannedDrug::volumeMl).sum();
            UsualVolume usual = usualVolume(target);
            if (volume == 0 || usual == null || volume <= usual.upperMl()) {
                continue;
            }
            boolean spine = target.site().jointSize() == JointSize.SPINE;
            context.add(this, spine ? Severity.WARN : Severity.INFO, target.site().name()
                    + (target.spinalLevel() == null ? "" : " " + target.spinalLevel())
                    + (target.side().label().isBlank() ? "" : " (" + target.side().label().toLowerCase() + ")") + ": "
                    + Wording.number(volume) + " mL of local anaesthetic, above the usual " + usual.words()
                    + (spine ? "; larger volumes spill out of the joint and a diagnostic block loses its specificity" : "")
                    + " [LA-06]", sources(), List.of(), null, false,
                    List.of(FindingAction.of(FindingAction.Kind.CHOOSE_ALTERNATIVE,
                            "Use at most " + Wording.number(usual.upperMl()) + " mL at this target")));
        }
    }

    static UsualVolume usualVolume(Target target) {
        SiteFacts site = target.site();
        if (site.bleedingClass() == BleedingClass.SACROILIAC) {
            return new UsualVolume(SACROILIAC_MAX_ML, "sacroiliac joint fill of 0.7–" + Wording.number(SACROILIAC_MAX_ML) + " mL");
        }
        if (site.bleedingClass() == BleedingClass.THORACOLUMBAR_FACET || site.bleedingClass() == BleedingClass.CERVICAL_FACET) {
            return new UsualVolume(FACET_OR_MEDIAL_BRANCH_MAX_ML, "≤ " + Wording.number(FACET_OR_MEDIAL_BRANCH_MAX_ML)
                    + " mL for a facet or medial branch block");
        }
        if (target.siteCode().toUpperCase(java.util.Locale.ROOT).contains("HIP") && site.structure() == Structure.JOINT) {
            return new UsualVolume(HIP_MAX_ML, "4–" + Wording.number(HIP_MAX_ML) + " mL for the hip joint");
        }
        return switch (site.jointSize()) {
            case SMALL -> new UsualVolume(SMALL_JOINT_MAX_ML, "0.25–" + Wording.number(SMALL_JOINT_MAX_ML) + " mL for a small joint");
            case MEDIUM -> new UsualVolume(MEDIUM_JOINT_MAX_ML, "0.5–" + Wording.number(MEDIUM_JOINT_MAX_ML) + " mL for a medium joint");
            case LARGE -> new UsualVolume(LARGE_JOINT_OR_SOFT_TISSUE_MAX_ML, Wording.number(LARGE_JOINT_OR_SOFT_TISSUE_MAX_ML)
                    + " mL for a large joint alongside the steroid");
            case SOFT_TISSUE -> new UsualVolume(LARGE_JOINT_OR_SOFT_TISSUE_MAX_ML, Wording.number(LARGE_JOINT_OR_SOFT_TISSUE_MAX_ML)
                    + " mL for a bursa or soft tissue alongside the steroid");
            case SPINE -> null;
        };
    }

    record UsualVolume(double upperMl, String words) {
    }

    private record Dosed(PlannedDrug drug, double doseMg, double maxMg, double percent) {
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
