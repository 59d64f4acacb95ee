package org.synovia.safety.rules;

import java.util.ArrayList;
import java.util.List;

import org.synovia.safety.FindingAction;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PatientFacts.DayObservations;
import org.synovia.safety.Severity;

/**
 * SAF-032 — a glucose or blood pressure on the procedure day outside a local review threshold (facts CI-07,
 * CI-08). No guideline gives a threshold for either ("no threshold found"), so the engine never cancels: it asks
 * the clinician to re-check the value and decide, and the decision is recorded with their name and reason. The
 * thresholds are this service's own choice (ADR 0033), named here so that a change is reviewed like a rule.
 */
final class DayValueReviewRule implements SafetyRule {

    /** Local choice, no source (CI-07): capillary glucose above this asks for a review. */
    static final double REVIEW_GLUCOSE_ABOVE_MMOL_PER_L = 20.0;
    /** Local choice, no source (CI-08): systolic at or above this asks for a review. */
    static final int REVIEW_SYSTOLIC_FROM_MMHG = 180;
    /** Local choice, no source (CI-08): diastolic at or above this asks for a review. */
    static final int REVIEW_DIASTOLIC_FROM_MMHG = 110;

    @Override
    public String id() {
        return "SAF-032";
    }

    @Override
    public String name() {
        return "Extreme glucose or blood pressure on the day: clinician review";
    }

    @Override
    public Severity severity() {
        return Severity.WARN;
    }

    @Override
    public String summary() {
        return "Asks a clinician to re-check and decide, with a recorded reason, when the day's glucose or blood "
                + "pressure passes a local threshold; no guideline gives one, so it never cancels.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("No published threshold (clinician review)", GuidelineReference.UNDATED,
                        "diabetes: pre-procedure glucose", "CI-07"),
                GuidelineReference.of("Patient information (S31) and S45", GuidelineReference.UNDATED, "hypertension",
                        "CI-08"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("capillary glucose > " + REVIEW_GLUCOSE_ABOVE_MMOL_PER_L + " mmol/L (local choice; CI-07 no threshold found)",
                "blood pressure ≥ " + REVIEW_SYSTOLIC_FROM_MMHG + "/" + REVIEW_DIASTOLIC_FROM_MMHG
                        + " mmHg, either value (local choice; CI-08 no threshold found)",
                "capillary glucose not measured at sign-in for a person with diabetes");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        DayObservations day = context.patient().observations();
        if (day == null) {
            return;
        }
        Double glucose = day.capillaryGlucoseMmolPerL();
        if (glucose != null && glucose > REVIEW_GLUCOSE_ABOVE_MMOL_PER_L) {
            review(context, sources().get(0), "Capillary glucose " + glucose + " mmol/L at sign-in, above this service's "
                    + "review threshold of " + REVIEW_GLUCOSE_ABOVE_MMOL_PER_L + " mmol/L; no guideline gives a "
                    + "threshold [CI-07]: re-check, then decide and record why", "Re-check the capillary glucose");
        }
        else if (glucose == null && context.patient().diabetic()) {
            review(context, sources().get(0), "Capillary glucose not measured at sign-in for a person with diabetes "
                    + "[CI-07]: measure it, then decide and record why", "Measure the capillary glucose");
        }
        Integer systolic = day.systolicMmHg();
        Integer diastolic = day.diastolicMmHg();
        List<String> high = new ArrayList<>();
        if (systolic != null && systolic >= REVIEW_SYSTOLIC_FROM_MMHG) {
            high.add("systolic " + systolic + " ≥ " + REVIEW_SYSTOLIC_FROM_MMHG);
        }
        if (diastolic != null && diastolic >= REVIEW_DIASTOLIC_FROM_MMHG) {
            high.add("diastolic " + diastolic + " ≥ " + REVIEW_DIASTOLIC_FROM_MMHG);
        }
        if (!high.isEmpty()) {
            review(context, sources().get(1), "Blood pressure " + (systolic == null ? "?" : systolic) + "/"
                    + (diastolic == null ? "?" : diastolic) + " mmHg at sign-in (" + String.join(", ", high)
                    + "), at or above this service's review threshold; no guideline gives one and a steroid may raise "
                    + "it further [CI-08]: re-check, then decide and record why", "Re-check the blood pressure");
        }
    }

    private void review(AssessmentContext context, GuidelineReference source, String message, String recheck) {
        context.add(this, Severity.WARN, message, List.of(source), List.of(), "local review threshold (ADR 0033)", true,
                List.of(FindingAction.of(FindingAction.Kind.RECHECK_VALUE, recheck),
                        FindingAction.of(FindingAction.Kind.JUSTIFY, "Go ahead, or not, with your name and reason")));
    }
}
