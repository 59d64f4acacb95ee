package org.synovia.safety.rules;

import java.util.ArrayList;
import java.util.List;

import org.synovia.safety.FindingAction;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PatientFacts.DayObservations;
import org.synovia.safety.Severity;

/**
 * SAF-031 — signs of infection measured at sign-in (facts CI-03, CI-02, CX-01). A target that is hot and
 * swollen, or swollen with a fever (red or not), is a suspected septic joint: no steroid; aspirate and culture
 * on the urgent pathway (EULAR 2021 Table 2). A fever with no swollen target is a systemic infection until shown
 * otherwise: defer and rebook. Runs only once the day's observations are recorded; before that SAF-021 and
 * SAF-022 answer from the referral.
 */
final class DayInfectionSignsRule implements SafetyRule {

    /** Fever: 38.0 °C and above, the conventional threshold (facts AF-06 lists fever among the urgent signs). */
    static final double FEVER_FROM_CELSIUS = 38.0;

    @Override
    public String id() {
        return "SAF-031";
    }

    @Override
    public String name() {
        return "Signs of infection on the procedure day";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Stops the injection when sign-in finds a hot and swollen target or a fever: suspected septic joint "
                + "goes to aspiration and culture on the urgent pathway; fever alone defers.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.eular("Table 2", "CI-03"),
                GuidelineReference.of("PCRS guidance and MDDUS summary (S27); large-joint injection cohort (S26)", 2014,
                        "septic arthritis after injection", "CX-01"),
                GuidelineReference.of("Therapeutic Guidelines Rheumatology (S17); PCRS guidance and MDDUS summary (S27)", 2014,
                        "contraindications", "CI-02"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("suspected septic joint: target hot and swollen, or swollen with temperature ≥ "
                + FEVER_FROM_CELSIUS + " °C", "fever alone: temperature ≥ " + FEVER_FROM_CELSIUS + " °C");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        DayObservations day = context.patient().observations();
        if (day == null) {
            return;
        }
        boolean hot = day.targetHot().isYes();
        boolean swollen = day.targetSwollen().isYes();
        boolean red = day.targetRed().isYes();
        boolean fever = day.temperatureCelsius() != null && day.temperatureCelsius() >= FEVER_FROM_CELSIUS;
        String measured = measured(day);
        if ((hot && swollen) || (red && swollen && fever) || (fever && swollen)) {
            context.add(this, Severity.STOP, "Suspected septic joint at sign-in (" + measured + "): no steroid; "
                            + "aspirate and send for culture; urgent pathway [CI-03, CX-01]",
                    List.of(Sources.eular("Table 2", "CI-03"), sources().get(1)), List.of(), null, false,
                    List.of(FindingAction.of(FindingAction.Kind.CHOOSE_ALTERNATIVE,
                            "Aspirate and send for culture instead; start the urgent pathway")));
            return;
        }
        if (fever) {
            context.add(this, Severity.STOP, "Fever at sign-in (" + measured + "): defer the injection until the "
                            + "infection has resolved and rebook [CI-02]", List.of(sources().get(2)), List.of(), null, false,
                    List.of(FindingAction.of(FindingAction.Kind.RECHECK_VALUE, "Take the temperature again"),
                            FindingAction.of(FindingAction.Kind.REBOOK_AFTER, "Rebook once the infection has resolved")));
            return;
        }
        List<String> missing = new ArrayList<>();
        if (day.temperatureCelsius() == null) {
            missing.add("temperature");
        }
        if (!day.targetHot().known()) {
            missing.add("whether the target is hot");
        }
        if (!day.targetSwollen().known()) {
            missing.add("whether the target is swollen");
        }
        if (!missing.isEmpty() && (hot || swollen || red)) {
            context.add(this, Severity.WARN, "Possible septic joint not excluded at sign-in (" + measured + "; not known: "
                            + String.join(", ", missing) + "): examine and measure before any steroid [CI-03]",
                    List.of(sources().get(0)), List.of(), null, true,
                    List.of(FindingAction.of(FindingAction.Kind.RECHECK_VALUE, "Examine the target and take the temperature")));
        }
    }

    private static String measured(DayObservations day) {
        return (day.temperatureCelsius() == null ? "temperature not taken" : day.temperatureCelsius() + " °C")
                + "; hot " + day.targetHot().label().toLowerCase() + ", swollen " + day.targetSwollen().label().toLowerCase()
                + ", red " + day.targetRed().label().toLowerCase();
    }
}
