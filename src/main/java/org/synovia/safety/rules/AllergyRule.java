package org.synovia.safety.rules;

import java.util.List;
import java.util.Locale;

import org.synovia.safety.AllergyCategory;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PatientFacts.Allergy;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.Severity;

/**
 * SAF-040 — allergies against the planned agents (facts CI-10, CM-02..06).
 * <p>
 * Do not use an agent the patient is allergic to; use an alternative (e.g. ultrasound guidance without
 * contrast). A previous reaction to iodinated contrast is the strongest predictor of another (CM-02)
 * and counts for intra-articular use too (CM-05): stop, and switch agent or avoid contrast (CM-06).
 * Shellfish or povidone-iodine allergy carries no more risk than any other allergy and is <b>not</b> a
 * reason to withhold contrast or premedicate (CM-03); povidone-iodine is avoided for skin preparation.
 * Latex needs latex-free equipment. "Iodine allergy" is not a useful label: record the agent (CM-06).
 */
final class AllergyRule implements SafetyRule {

    @Override
    public String id() {
        return "SAF-040";
    }

    @Override
    public String name() {
        return "Allergy against planned agents";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Stops a planned agent the patient is allergic to (including a previous contrast reaction) and "
                + "records that shellfish or povidone-iodine allergy does not withhold contrast.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("SIS SIJ appropriate-use assumptions; technique chapters (S20)", GuidelineReference.UNDATED,
                        "allergy", "CI-10"),
                GuidelineReference.of("UW Radiology contrast allergy policy, ACR-based; Macy (S48)", 2018,
                        "contrast allergy", "CM-02", "CM-03", "CM-04", "CM-05", "CM-06"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("any allergy to a planned class; any previous iodinated-contrast reaction with contrast planned");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        var procedure = context.procedure();
        var patient = context.patient();
        for (Allergy allergy : patient.allergies()) {
            String described = describe(allergy);
            switch (allergy.category()) {
                case LOCAL_ANAESTHETIC -> procedure.drugs().stream().filter(d -> d.agent().localAnaesthetic())
                        .forEach(d -> stop(context, d, described));
                case CORTICOSTEROID -> procedure.drugs().stream().filter(d -> d.agent().steroid())
                        .forEach(d -> stop(context, d, described));
                case IODINATED_CONTRAST -> {
                    if (procedure.contrast()) {
                        contrastStop(context, described);
                    }
                }
                case SHELLFISH, POVIDONE_IODINE -> {
                    if (procedure.contrast()) {
                        context.add(this, Severity.INFO, described + ": not a reason to withhold iodinated contrast "
                                + "or to premedicate (no more risk than any other allergy); proceed and record the "
                                + "allergy [CM-03]");
                    }
                    if (allergy.category() == AllergyCategory.POVIDONE_IODINE) {
                        context.add(this, Severity.WARN, described + ": use a different skin-preparation agent "
                                + "(e.g. chlorhexidine) [CI-10]");
                    }
                }
                case LATEX -> context.add(this, Severity.WARN, described + ": latex-free gloves and equipment [CI-10]");
                case OTHER -> {
                    if (allergy.agent() != null && allergy.agent().toLowerCase(Locale.UK).contains("iodine")) {
                        context.add(this, Severity.WARN, described + ": \"iodine allergy\" is not a useful label; record "
                                + "the specific agent and reaction (contrast, povidone-iodine or food) [CM-06]");
                    }
                }
            }
        }
        if (patient.previousContrastReaction().isYes() && procedure.contrast()
                && patient.allergies().stream().noneMatch(a -> a.category() == AllergyCategory.IODINATED_CONTRAST)) {
            contrastStop(context, "Previous reaction to iodinated contrast");
        }
    }

    private void stop(AssessmentContext context, PlannedDrug drug, String described) {
        context.add(this, Severity.STOP, described + " and " + drug.agent().label() + " is planned: do not use the "
                + "agent concerned; choose an alternative after clinician review [CI-10]");
    }

    private void contrastStop(AssessmentContext context, String described) {
        context.add(this, Severity.STOP, described + " and contrast is planned: a previous reaction to the same class is "
                + "the strongest predictor of another (about 5×), also for intra-articular use; avoid contrast "
                + "(e.g. ultrasound guidance) or switch agent after radiologist review, premedication does not "
                + "reliably prevent it [CI-10, CM-02, CM-05, CM-06]");
    }

    private static String describe(Allergy allergy) {
        String category = allergy.category().name().replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(category.charAt(0)) + category.substring(1) + " allergy"
                + (allergy.agent() != null ? " (" + allergy.agent() + ")" : "")
                + (allergy.reaction() != null ? ", reaction: " + allergy.reaction() : "");
    }
}
