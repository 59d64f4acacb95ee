package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Medicine;
import org.synovia.safety.PreventionIndication;
import org.synovia.safety.ProcedureRisk;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-016 — aspirin.
 * <p>
 * Low-risk procedures (facts AC-09): do not withhold, any indication.
 * <p>
 * Intermediate/high-risk procedures (facts AC-30): ASRA intermediate "shared assessment" (high: primary
 * prophylaxis 6 days, secondary shared assessment); SIR "3–5 days, patient-specific; MDT for high CV
 * risk", each at its own category. For secondary prevention (or an unknown indication) there is <b>no
 * automatic stop</b>: the prescriber or MDT decides (scenario A15); the proposed stop is SIR's lower bound,
 * 3 whole days off (last dose D−4), with its upper bound, 5 days (D−6), shown; aspirin restarts the day
 * after. For primary prevention the hold is SIR's 3 whole days (5 shown), or ASRA's 6 days at ASRA high
 * risk.
 */
final class AspirinRule extends AntithromboticRule {

    static final int SIR_MIN_DAYS_OFF = 3;
    static final int SIR_MAX_DAYS_OFF = 5;
    static final int ASRA_HIGH_PRIMARY_DAYS = 6;
    static final int ASRA_RESTART_HOURS = 24;

    @Override
    public String id() {
        return "SAF-016";
    }

    @Override
    public String name() {
        return "Aspirin plan";
    }

    @Override
    public String summary() {
        return "Continue for low-risk procedures; for intermediate/high risk, secondary prevention is referred "
                + "to the prescriber/MDT (never stopped automatically), primary prevention held 3 whole days (SIR 3–5).";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.asra("per-drug summary (S1a)", "AC-09", "AC-30"), Sources.sir("Tables 3, 4 (S2b transcription)", "AC-09", "AC-30"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("SIR " + SIR_MIN_DAYS_OFF + "–" + SIR_MAX_DAYS_OFF + " whole days off: " + SIR_MIN_DAYS_OFF
                        + " by default (last dose D−4), D−6 shown",
                "ASRA high risk, primary prophylaxis: " + ASRA_HIGH_PRIMARY_DAYS + " days",
                "secondary prevention or unknown indication: refer, no automatic stop", "restart the day after");
    }

    @Override
    boolean covers(Antithrombotic drug) {
        return drug == Antithrombotic.ASPIRIN;
    }

    @Override
    SourceRule asra(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        boolean primary = medicine.indication() == PreventionIndication.PRIMARY_PREVENTION;
        return switch (category) {
            case LOW -> SourceRule.noHold(ASRA, "no", "AC-09");
            case INTERMEDIATE -> SourceRule.noHold(ASRA, "shared assessment and risk stratification (consider holding "
                    + "for higher-risk intermediate procedures)", "AC-30");
            case HIGH -> primary
                    ? SourceRule.hold(ASRA, Requirement.days(ASRA_HIGH_PRIMARY_DAYS), Restart.after(ASRA_RESTART_HOURS),
                            "primary prophylaxis: " + ASRA_HIGH_PRIMARY_DAYS + " days; restart " + ASRA_RESTART_HOURS + " h",
                            "AC-30")
                    : SourceRule.noHold(ASRA, "secondary prevention: shared assessment", "AC-30");
        };
    }

    @Override
    SourceRule sir(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        if (!category.elevated()) {
            return SourceRule.noHold(SIR, "do not withhold", "AC-09");
        }
        return SourceRule.hold(SIR, Requirement.wholeDaysOff(SIR_MIN_DAYS_OFF), Restart.nextDay(),
                SIR_MIN_DAYS_OFF + "–" + SIR_MAX_DAYS_OFF + " days, patient-specific; MDT for high CV risk; restart the day after",
                "AC-30").upTo(Requirement.wholeDaysOff(SIR_MAX_DAYS_OFF));
    }

    @Override
    boolean prescriberDecidesForSecondaryPrevention(Antithrombotic drug) {
        return true;
    }
}
