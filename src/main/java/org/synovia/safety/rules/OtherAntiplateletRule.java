package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Medicine;
import org.synovia.safety.ProcedureRisk;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-017 — dipyridamole and cilostazol.
 * <p>
 * Low-risk procedures (facts AC-10, AC-16): do not withhold. Intermediate/high risk: dipyridamole —
 * ASRA "no" (high: 2 days) against SIR "3–5 days" for the combination (AC-31); it is taken for secondary
 * stroke prevention, so a stop is proposed to the prescriber (SIR's 3 days, 5 shown). Cilostazol — ASRA
 * intermediate "no", high 2 days; SIR "do not withhold" (AC-38). Each source at its own category.
 */
final class OtherAntiplateletRule extends AntithromboticRule {

    static final int ASRA_HIGH_DAYS = 2;
    static final int DIPYRIDAMOLE_SIR_MIN_DAYS = 3;
    static final int DIPYRIDAMOLE_SIR_MAX_DAYS = 5;
    static final int RESTART_HOURS = 24;

    @Override
    public String id() {
        return "SAF-017";
    }

    @Override
    public String name() {
        return "Dipyridamole and cilostazol plan";
    }

    @Override
    public String summary() {
        return "Continue for low-risk procedures; dipyridamole before intermediate/high risk goes to the prescriber; "
                + "cilostazol held 2 days only at ASRA high risk.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.asra("per-drug summary (S1a)", "AC-10", "AC-16", "AC-31", "AC-38"),
                Sources.sir("Tables 3, 4 (S2b transcription)", "AC-10", "AC-16", "AC-31", "AC-38"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("cilostazol " + ASRA_HIGH_DAYS + " days at ASRA high risk",
                "dipyridamole: refer (SIR up to " + DIPYRIDAMOLE_SIR_MAX_DAYS + " days)", "restart " + RESTART_HOURS + " h");
    }

    @Override
    boolean covers(Antithrombotic drug) {
        return drug == Antithrombotic.DIPYRIDAMOLE || drug == Antithrombotic.CILOSTAZOL;
    }

    @Override
    SourceRule asra(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        boolean dipyridamole = medicine.drug() == Antithrombotic.DIPYRIDAMOLE;
        String row = category.elevated() ? (dipyridamole ? "AC-31" : "AC-38") : (dipyridamole ? "AC-10" : "AC-16");
        if (category != ProcedureRisk.HIGH) {
            return SourceRule.noHold(ASRA, "no", row);
        }
        return SourceRule.hold(ASRA, Requirement.days(ASRA_HIGH_DAYS), Restart.after(RESTART_HOURS),
                "high risk: " + ASRA_HIGH_DAYS + " days; restart " + RESTART_HOURS + " h", row);
    }

    @Override
    SourceRule sir(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        boolean dipyridamole = medicine.drug() == Antithrombotic.DIPYRIDAMOLE;
        if (!category.elevated() || !dipyridamole) {
            return SourceRule.noHold(SIR, "do not withhold", category.elevated() ? "AC-38" : dipyridamole ? "AC-10" : "AC-16");
        }
        return SourceRule.hold(SIR, Requirement.wholeDaysOff(DIPYRIDAMOLE_SIR_MIN_DAYS), Restart.nextDay(),
                DIPYRIDAMOLE_SIR_MIN_DAYS + "–" + DIPYRIDAMOLE_SIR_MAX_DAYS + " days (with aspirin); restart the day after",
                "AC-31").upTo(Requirement.wholeDaysOff(DIPYRIDAMOLE_SIR_MAX_DAYS));
    }

    /** Dipyridamole is taken for secondary stroke prevention; cilostazol treats claudication. */
    @Override
    boolean prescriberDecidesForSecondaryPrevention(Antithrombotic drug) {
        return drug == Antithrombotic.DIPYRIDAMOLE;
    }
}
