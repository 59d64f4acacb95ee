package org.synovia.safety.rules;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts.InrResult;
import org.synovia.safety.PlanAction;
import org.synovia.safety.ProcedureRisk;
import org.synovia.safety.Severity;
import org.synovia.safety.SourceAnswer;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-012 — warfarin and acenocoumarol (vitamin K antagonists).
 * <p>
 * Low-risk procedures (facts AC-01, PR-07): do not stop. SIR: INR ≤ 3.0; UK protocol (S8): INR within
 * 1 day, inject if INR &lt; 3. By default the stricter "&lt; 3.0" applies; an INR at or above it stops
 * the injection, a missing or old INR is a warning.
 * <p>
 * Intermediate/high-risk procedures (facts AC-21, AC-22), each source at its own category: warfarin —
 * ASRA stop 5 days with a normal INR; SIR withhold 5 days to INR ≤ 1.8. Both are satisfied (≥ 120 h and
 * five whole days off). INR on D−1 or D0 within the local normal range (ASRA, the stricter) with SIR
 * ≤ 1.8 shown. Restart at the earliest a source permits: ASRA 6 h (scenario A9), SIR "day after" shown.
 * Acenocoumarol — ASRA 3 days, restart 24 h. No bridging for a low thrombotic risk; a high thrombotic
 * risk is referred (AC-42). A stop that only ASRA's patient-factor upgrade asks for is proposed to the
 * prescriber, with the low-risk INR check meanwhile.
 */
final class WarfarinRule extends AntithromboticRule {

    static final int WARFARIN_HOLD_DAYS = 5;
    static final int ACENOCOUMAROL_HOLD_DAYS = 3;
    static final int WARFARIN_ASRA_RESTART_HOURS = 6;
    static final int ACENOCOUMAROL_RESTART_HOURS = 24;
    static final double SIR_HIGH_RISK_INR_MAX = 1.8;
    static final double SIR_LOW_RISK_INR_MAX = 3.0;
    static final int INR_CHECK_DAYS_BEFORE = 1;

    @Override
    public String id() {
        return "SAF-012";
    }

    @Override
    public String name() {
        return "Vitamin K antagonist plan and INR";
    }

    @Override
    public String summary() {
        return "Continue warfarin for low-risk procedures with an INR below the limit within a day; for "
                + "intermediate/high risk stop 5 days with a normal INR, restart 6 h after.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.asra("per-drug summary (S1a)", "AC-01", "AC-21", "AC-22"),
                Sources.sir("Tables 3, 4 (S2b transcription)", "AC-01", "AC-21", "PR-07"),
                GuidelineReference.of("ACR Convergence abstract, warfarin and joint injection (S8)", 2015,
                        "protocol", "AC-01"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("low risk: INR < " + policy.lowRiskInrBelow() + " within " + policy.inrMaxAgeDays() + " day(s)",
                "intermediate/high: warfarin " + WARFARIN_HOLD_DAYS + " days (≥ " + WARFARIN_HOLD_DAYS * 24
                        + " h and " + WARFARIN_HOLD_DAYS + " whole days off); acenocoumarol " + ACENOCOUMAROL_HOLD_DAYS + " days",
                "INR on D−" + INR_CHECK_DAYS_BEFORE + " or D0 ≤ " + policy.localNormalInrUpperLimit()
                        + " (local normal); SIR ≤ " + SIR_HIGH_RISK_INR_MAX,
                "restart warfarin " + WARFARIN_ASRA_RESTART_HOURS + " h after (SIR: day after); acenocoumarol "
                        + ACENOCOUMAROL_RESTART_HOURS + " h");
    }

    @Override
    boolean covers(Antithrombotic drug) {
        return drug.kind() == Antithrombotic.Kind.VITAMIN_K_ANTAGONIST;
    }

    @Override
    Optional<Decision> special(Medicine medicine, AssessmentContext context) {
        boolean anySourceStops = asra(medicine, context.bleedingRisk().asra(), context).holds()
                || sir(medicine, context.bleedingRisk().sir(), context).holds();
        return anySourceStops ? Optional.empty() : Optional.of(lowRisk(medicine, context));
    }

    @Override
    SourceRule asra(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        if (!category.elevated()) {
            return SourceRule.noHold(ASRA, "no routine stop; shared assessment and risk stratification", "AC-01");
        }
        if (medicine.drug() == Antithrombotic.ACENOCOUMAROL) {
            return SourceRule.hold(ASRA, Requirement.days(ACENOCOUMAROL_HOLD_DAYS), Restart.after(ACENOCOUMAROL_RESTART_HOURS),
                    ACENOCOUMAROL_HOLD_DAYS + " days, INR normal; restart " + ACENOCOUMAROL_RESTART_HOURS + " h", "AC-22");
        }
        return SourceRule.hold(ASRA, Requirement.days(WARFARIN_HOLD_DAYS), Restart.after(WARFARIN_ASRA_RESTART_HOURS),
                "stop " + WARFARIN_HOLD_DAYS + " days, INR normal; restart " + WARFARIN_ASRA_RESTART_HOURS + " h after",
                "AC-21");
    }

    @Override
    SourceRule sir(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        if (!category.elevated()) {
            return SourceRule.noHold(SIR, "do not stop; INR ≤ " + SIR_LOW_RISK_INR_MAX, "AC-01");
        }
        if (medicine.drug() == Antithrombotic.ACENOCOUMAROL) {
            return SourceRule.noHold(SIR, "no acenocoumarol row", "AC-22");
        }
        return SourceRule.hold(SIR, Requirement.wholeDaysOff(WARFARIN_HOLD_DAYS), Restart.nextDay(),
                "withhold " + WARFARIN_HOLD_DAYS + " days to INR ≤ " + SIR_HIGH_RISK_INR_MAX
                        + "; restart the day after; bridging only if high thrombotic risk", "AC-21");
    }

    @Override
    InrSpec inr(Medicine medicine, AssessmentContext context, boolean stopping) {
        if (!stopping) {
            return lowRiskInr(context.policy());
        }
        double normal = context.policy().localNormalInrUpperLimit();
        return new InrSpec(INR_CHECK_DAYS_BEFORE, normal, true, "INR on D−1 or D0 within the local normal range "
                + "(≤ " + normal + ", ASRA \"normal INR\"); SIR alternative ≤ " + SIR_HIGH_RISK_INR_MAX + " [AC-21, PR-07]");
    }

    private static InrSpec lowRiskInr(LocalPolicy policy) {
        double limit = policy.lowRiskInrBelow();
        return new InrSpec(policy.inrMaxAgeDays(), limit, false, "INR < " + limit + " within "
                + Wording.plural(policy.inrMaxAgeDays(), "day", "days") + " before the procedure [AC-01, PR-07]");
    }

    /** Every source continues: the INR decides (AC-01, PR-07, S8). */
    private Decision lowRisk(Medicine medicine, AssessmentContext context) {
        LocalPolicy policy = context.policy();
        double limit = policy.lowRiskInrBelow();
        List<SourceAnswer> answers = List.of(
                new SourceAnswer(ASRA, "no routine stop; shared assessment and risk stratification"),
                new SourceAnswer(SIR, "do not stop; INR ≤ " + SIR_LOW_RISK_INR_MAX),
                new SourceAnswer("UK protocol (S8)", "continue; INR within 1 day; inject if INR < 3"));
        InrSpec inr = lowRiskInr(policy);
        String choice = "low-risk-inr-below = " + limit;
        String base = "Low-risk procedure: do not stop " + medicine.displayName() + " [AC-01]";
        InrResult result = context.patient().latestInr();
        if (context.start().isEmpty()) {
            return Decision.of(PlanAction.CONTINUE, null, null, null, answers, choice, inr,
                    base + "; INR must be < " + limit + " within " + policy.inrMaxAgeDays() + " day(s) before the procedure",
                    sources(), Severity.WARN);
        }
        if (result == null) {
            return Decision.of(PlanAction.CONTINUE, null, null, null, answers, choice, inr,
                    base + "; INR not recorded: check INR within " + policy.inrMaxAgeDays()
                            + " day(s) before the procedure, must be < " + limit, sources(), Severity.WARN);
        }
        long daysBefore = ChronoUnit.DAYS.between(result.date(), context.referenceDate());
        String measured = "INR " + result.value() + " on " + Wording.date(result.date()) + " ("
                + Wording.plural(daysBefore, "day", "days") + " before)";
        if (daysBefore < 0 || daysBefore > policy.inrMaxAgeDays()) {
            return Decision.of(PlanAction.CONTINUE, null, null, null, answers, choice, inr,
                    base + "; " + measured + " is not within " + policy.inrMaxAgeDays()
                            + " day(s) before the procedure: recheck, must be < " + limit, sources(), Severity.WARN);
        }
        if (result.value() >= limit) {
            return Decision.of(PlanAction.CONTINUE, null, null, null, answers, choice, inr,
                    base + "; " + measured + " is not below " + limit
                            + ": do not inject until the INR is in range (anticoagulation service) [PR-07]", sources(),
                    Severity.STOP);
        }
        return Decision.of(PlanAction.CONTINUE, null, null, null, answers, choice, inr,
                base + "; " + measured + " is below " + limit + ": proceed", sources(), Severity.INFO);
    }
}
