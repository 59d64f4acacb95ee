package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.ClopidogrelHold;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.safety.SourceAnswer;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-015 — clopidogrel, prasugrel, ticagrelor.
 * <p>
 * Low-risk procedures (facts AC-06..08): no routine stop (ASRA shared assessment; SIR do not withhold).
 * <p>
 * Intermediate/high-risk procedures: clopidogrel ASRA 7 days vs SIR 5 days (AC-27), policy
 * {@code clopidogrel-hold}, default 7; prasugrel ASRA 7–10 days vs SIR 7 (AC-28), the upper end 10;
 * ticagrelor 5 days in both (AC-29). Restart at the ASRA upper figure, 24 h, with SIR shown. Patients on
 * dual antiplatelet therapy or with a recent stent are referred (AC-42).
 */
final class P2y12InhibitorRule extends AntithromboticRule {

    static final int CLOPIDOGREL_ASRA_DAYS = 7;
    static final int CLOPIDOGREL_SIR_DAYS = 5;
    static final int PRASUGREL_ASRA_DAYS = 10;
    static final int PRASUGREL_SIR_DAYS = 7;
    static final int TICAGRELOR_DAYS = 5;
    static final int RESTART_HOURS = 24;

    @Override
    public String id() {
        return "SAF-015";
    }

    @Override
    public String name() {
        return "P2Y12 inhibitor plan";
    }

    @Override
    public String summary() {
        return "Continue for low-risk procedures; for intermediate/high risk hold clopidogrel 7 days (SIR 5), "
                + "prasugrel 10 (SIR 7), ticagrelor 5; restart 24 h after.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.asra("per-drug summary (S1a)", "AC-06", "AC-07", "AC-08", "AC-27", "AC-28", "AC-29"),
                Sources.sir("Tables 3, 4 (S2b transcription)", "AC-06", "AC-07", "AC-08", "AC-27", "AC-28", "AC-29"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("clopidogrel ASRA " + CLOPIDOGREL_ASRA_DAYS + " days / SIR " + CLOPIDOGREL_SIR_DAYS
                        + " days; policy clopidogrel-hold = " + policy.clopidogrelHold(),
                "prasugrel ASRA " + PRASUGREL_ASRA_DAYS + " days (7–10) / SIR " + PRASUGREL_SIR_DAYS + " days",
                "ticagrelor " + TICAGRELOR_DAYS + " days", "restart " + RESTART_HOURS + " h after");
    }

    @Override
    boolean covers(Antithrombotic drug) {
        return drug == Antithrombotic.CLOPIDOGREL || drug == Antithrombotic.PRASUGREL || drug == Antithrombotic.TICAGRELOR;
    }

    @Override
    Decision decide(Medicine medicine, AssessmentContext context) {
        String name = medicine.displayName();
        if (!context.bleedingRisk().elevated()) {
            return Decision.proceed("Low-risk procedure: continue " + name + " [AC-06..08]", sources(),
                    new SourceAnswer("ASRA 2018", "no routine stop; shared assessment and risk stratification"),
                    new SourceAnswer("SIR 2019", "do not withhold"));
        }
        String category = context.bleedingRisk().chosen().label();
        Restart restart = new Restart(RESTART_HOURS, false);
        return switch (medicine.drug()) {
            case CLOPIDOGREL -> {
                ClopidogrelHold choice = context.policy().clopidogrelHold();
                int days = choice == ClopidogrelHold.ASRA_7_DAYS ? CLOPIDOGREL_ASRA_DAYS : CLOPIDOGREL_SIR_DAYS;
                yield new Decision(PlanAction.HOLD, Requirement.days(days), restart,
                        List.of(new SourceAnswer("ASRA 2018", CLOPIDOGREL_ASRA_DAYS + " days; restart 12–24 h"),
                                new SourceAnswer("SIR 2019", CLOPIDOGREL_SIR_DAYS + " days; restart 6 h (75 mg maintenance)")),
                        "clopidogrel-hold = " + choice, null, category + "-risk procedure: hold clopidogrel " + days
                                + " days [AC-27]", sources(), null);
            }
            case PRASUGREL -> new Decision(PlanAction.HOLD, Requirement.days(PRASUGREL_ASRA_DAYS), restart,
                    List.of(new SourceAnswer("ASRA 2018", "7–10 days; restart 12–24 h"),
                            new SourceAnswer("SIR 2019", PRASUGREL_SIR_DAYS + " days; restart the day after")),
                    "the more conservative: " + PRASUGREL_ASRA_DAYS + " days", null, category
                            + "-risk procedure: hold prasugrel " + PRASUGREL_ASRA_DAYS + " days [AC-28]", sources(), null);
            default -> new Decision(PlanAction.HOLD, Requirement.days(TICAGRELOR_DAYS), restart,
                    List.of(new SourceAnswer("ASRA 2018", TICAGRELOR_DAYS + " days; restart 12–24 h"),
                            new SourceAnswer("SIR 2019", TICAGRELOR_DAYS + " days; restart the day after")),
                    null, null, category + "-risk procedure: hold ticagrelor " + TICAGRELOR_DAYS + " days [AC-29]",
                    sources(), null);
        };
    }
}
