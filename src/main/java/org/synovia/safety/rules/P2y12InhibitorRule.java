package org.synovia.safety.rules;

import java.util.List;
import java.util.Set;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.ClopidogrelHold;
import org.synovia.safety.Medicine;
import org.synovia.safety.ProcedureRisk;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-015 — clopidogrel, prasugrel, ticagrelor.
 * <p>
 * Low-risk procedures (facts AC-06..08): no routine stop (ASRA shared assessment; SIR do not withhold).
 * <p>
 * Intermediate/high-risk procedures, each source at its own category: clopidogrel ASRA 7 days vs SIR 5
 * days (AC-27), policy {@code clopidogrel-hold}, default both (7 days); prasugrel ASRA 7–10 days (lower
 * bound 7, 10 shown) vs SIR 7 (AC-28); ticagrelor 5 days in both (AC-29). Restart at the earliest a
 * source permits: clopidogrel SIR 6 h (75 mg maintenance), prasugrel and ticagrelor ASRA 12 h (12–24 h
 * read by its lower bound), the later restart shown. Taken for secondary prevention (or a reason not
 * recorded) a hold is proposed to the prescriber, never automatic; a recent stent or dual antiplatelet
 * therapy is for the prescriber and blocks booking while a source asks for a stop (AC-42).
 */
final class P2y12InhibitorRule extends AntithromboticRule {

    static final int CLOPIDOGREL_ASRA_DAYS = 7;
    static final int CLOPIDOGREL_SIR_DAYS = 5;
    static final int PRASUGREL_ASRA_MIN_DAYS = 7;
    static final int PRASUGREL_ASRA_DAYS = 10;
    static final int PRASUGREL_SIR_DAYS = 7;
    static final int TICAGRELOR_DAYS = 5;
    static final int ASRA_RESTART_HOURS = 12;
    static final int SIR_CLOPIDOGREL_RESTART_HOURS = 6;

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
        return "Continue for low-risk procedures; for intermediate/high risk clopidogrel 7 days (SIR 5), prasugrel 7 "
                + "(ASRA up to 10), ticagrelor 5, restart at the earliest a source permits; agreed with the prescriber "
                + "when taken for secondary prevention.";
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
                "prasugrel ASRA " + PRASUGREL_ASRA_MIN_DAYS + "–" + PRASUGREL_ASRA_DAYS + " days (lower bound) / SIR "
                        + PRASUGREL_SIR_DAYS + " days",
                "ticagrelor " + TICAGRELOR_DAYS + " days",
                "restart: ASRA " + ASRA_RESTART_HOURS + " h (12–24), SIR clopidogrel " + SIR_CLOPIDOGREL_RESTART_HOURS
                        + " h, prasugrel/ticagrelor the day after; the earliest applies",
                "secondary prevention or reason not recorded: agree with the prescriber before stopping");
    }

    @Override
    boolean covers(Antithrombotic drug) {
        return drug == Antithrombotic.CLOPIDOGREL || drug == Antithrombotic.PRASUGREL || drug == Antithrombotic.TICAGRELOR;
    }

    @Override
    SourceRule asra(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        String row = row(medicine.drug(), category);
        if (!category.elevated()) {
            return SourceRule.noHold(ASRA, "no routine stop; shared assessment and risk stratification", row);
        }
        Restart restart = Restart.after(ASRA_RESTART_HOURS);
        String restartWords = "; restart 12–24 h (from " + ASRA_RESTART_HOURS + " h)";
        return switch (medicine.drug()) {
            case CLOPIDOGREL -> SourceRule.hold(ASRA, Requirement.days(CLOPIDOGREL_ASRA_DAYS), restart,
                    CLOPIDOGREL_ASRA_DAYS + " days" + restartWords, row);
            case PRASUGREL -> SourceRule.hold(ASRA, Requirement.days(PRASUGREL_ASRA_MIN_DAYS), restart,
                    PRASUGREL_ASRA_MIN_DAYS + "–" + PRASUGREL_ASRA_DAYS + " days" + restartWords, row)
                    .upTo(Requirement.days(PRASUGREL_ASRA_DAYS));
            default -> SourceRule.hold(ASRA, Requirement.days(TICAGRELOR_DAYS), restart,
                    TICAGRELOR_DAYS + " days" + restartWords, row);
        };
    }

    @Override
    SourceRule sir(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        String row = row(medicine.drug(), category);
        if (!category.elevated()) {
            return SourceRule.noHold(SIR, "do not withhold", row);
        }
        return switch (medicine.drug()) {
            case CLOPIDOGREL -> SourceRule.hold(SIR, Requirement.wholeDaysOff(CLOPIDOGREL_SIR_DAYS),
                    Restart.after(SIR_CLOPIDOGREL_RESTART_HOURS), CLOPIDOGREL_SIR_DAYS + " days; restart "
                            + SIR_CLOPIDOGREL_RESTART_HOURS + " h (75 mg maintenance; 24 h after a loading dose)", row);
            case PRASUGREL -> SourceRule.hold(SIR, Requirement.wholeDaysOff(PRASUGREL_SIR_DAYS), Restart.nextDay(),
                    PRASUGREL_SIR_DAYS + " days; restart the day after", row);
            default -> SourceRule.hold(SIR, Requirement.wholeDaysOff(TICAGRELOR_DAYS), Restart.nextDay(),
                    TICAGRELOR_DAYS + " days; restart the day after", row);
        };
    }

    @Override
    PolicyChoice policyChoice(Medicine medicine, AssessmentContext context) {
        if (medicine.drug() != Antithrombotic.CLOPIDOGREL) {
            return PolicyChoice.BOTH;
        }
        ClopidogrelHold choice = context.policy().clopidogrelHold();
        return switch (choice) {
            case BOTH -> new PolicyChoice(Set.of(ASRA, SIR), "clopidogrel-hold = BOTH");
            case ASRA_7_DAYS -> new PolicyChoice(Set.of(ASRA), "clopidogrel-hold = ASRA_7_DAYS");
            case SIR_5_DAYS -> new PolicyChoice(Set.of(SIR), "clopidogrel-hold = SIR_5_DAYS");
        };
    }

    @Override
    boolean prescriberDecidesForSecondaryPrevention(Antithrombotic drug) {
        return true;
    }

    private static String row(Antithrombotic drug, ProcedureRisk category) {
        return switch (drug) {
            case CLOPIDOGREL -> category.elevated() ? "AC-27" : "AC-06";
            case PRASUGREL -> category.elevated() ? "AC-28" : "AC-07";
            default -> category.elevated() ? "AC-29" : "AC-08";
        };
    }
}
