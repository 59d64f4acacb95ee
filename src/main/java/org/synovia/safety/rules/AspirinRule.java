package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.safety.PreventionIndication;
import org.synovia.safety.ProcedureRisk;
import org.synovia.safety.SourceAnswer;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-016 — aspirin.
 * <p>
 * Low-risk procedures (facts AC-09): do not withhold, any indication.
 * <p>
 * Intermediate/high-risk procedures (facts AC-30): ASRA intermediate "shared assessment" (high: primary
 * prophylaxis 6 days, secondary shared assessment); SIR "3–5 days, patient-specific; MDT for high CV
 * risk". For secondary prevention (or an unknown indication) there is <b>no automatic stop</b>: the
 * prescriber or MDT decides (scenario A15); if a stop is agreed the last dose falls between D−4 and D−6
 * (3–5 whole days off) and aspirin restarts the day after. For primary prevention the more conservative
 * answer is a hold: 5 whole days (SIR upper end), or ASRA's 6 days at ASRA high risk.
 */
final class AspirinRule extends AntithromboticRule {

    static final int SIR_MIN_DAYS_OFF = 3;
    static final int SIR_MAX_DAYS_OFF = 5;
    static final int ASRA_HIGH_PRIMARY_DAYS = 6;

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
                + "to the prescriber/MDT (never stopped automatically), primary prevention held 5 days.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.asra("per-drug summary (S1a)", "AC-09", "AC-30"), Sources.sir("Tables 3, 4 (S2b transcription)", "AC-09", "AC-30"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("SIR " + SIR_MIN_DAYS_OFF + "–" + SIR_MAX_DAYS_OFF + " whole days off (last dose D−4 to D−6)",
                "ASRA high risk, primary prophylaxis: " + ASRA_HIGH_PRIMARY_DAYS + " days",
                "secondary prevention or unknown indication: refer, no automatic stop", "restart the day after");
    }

    @Override
    boolean covers(Antithrombotic drug) {
        return drug == Antithrombotic.ASPIRIN;
    }

    @Override
    Decision decide(Medicine medicine, AssessmentContext context) {
        if (!context.bleedingRisk().elevated()) {
            return Decision.proceed("Low-risk procedure: do not withhold aspirin [AC-09]", sources(),
                    new SourceAnswer("ASRA 2018", "no"), new SourceAnswer("SIR 2019", "do not withhold"));
        }
        String category = context.bleedingRisk().chosen().label();
        Restart dayAfter = new Restart(0, true);
        if (medicine.indication() != PreventionIndication.PRIMARY_PREVENTION) {
            String window = context.start().map(start -> {
                var schedule = DoseSchedule.of(medicine);
                if (schedule.isEmpty()) {
                    return "";
                }
                var latest = schedule.get().lastDose(start, 0, 0, SIR_MIN_DAYS_OFF).lastDose();
                var earliest = schedule.get().lastDose(start, 0, 0, SIR_MAX_DAYS_OFF).lastDose();
                return "; if a stop is agreed, last dose between " + Wording.relative(earliest, start.toLocalDate())
                        + " (" + Wording.shortDateTime(earliest) + ") and " + Wording.relative(latest, start.toLocalDate())
                        + " (" + Wording.shortDateTime(latest) + "), restart D+1";
            }).orElse("; if a stop is agreed: " + SIR_MIN_DAYS_OFF + "–" + SIR_MAX_DAYS_OFF
                    + " whole days off before the procedure day, restart the day after");
            return new Decision(PlanAction.REFER_TO_PRESCRIBER, null, dayAfter,
                    List.of(new SourceAnswer("ASRA 2018", "intermediate: shared assessment and risk stratification"),
                            new SourceAnswer("SIR 2019", "withhold 3–5 days, patient-specific; MDT for high CV risk")),
                    null, null, "Aspirin for " + (medicine.indication() == PreventionIndication.UNKNOWN
                            ? "an unrecorded indication (treated as secondary prevention)" : "secondary prevention")
                            + " before a " + category + "-risk procedure: no automatic stop; route to the prescriber or MDT"
                            + window + " [AC-30]", sources(), null);
        }
        boolean asraHigh = context.bleedingRisk().asra() == ProcedureRisk.HIGH;
        AntithromboticRule.Requirement hold = asraHigh
                ? new Requirement(ASRA_HIGH_PRIMARY_DAYS * 24, 0, SIR_MAX_DAYS_OFF)
                : new Requirement(0, 0, SIR_MAX_DAYS_OFF);
        return new Decision(PlanAction.HOLD, hold, dayAfter,
                List.of(new SourceAnswer("ASRA 2018", asraHigh ? "primary prophylaxis: 6 days" : "shared assessment (consider holding)"),
                        new SourceAnswer("SIR 2019", "withhold 3–5 days, patient-specific")),
                "the more conservative: " + (asraHigh ? "6 days" : SIR_MAX_DAYS_OFF + " whole days off"), null,
                "Aspirin for primary prevention before a " + category + "-risk procedure: hold [AC-30]", sources(), null);
    }
}
