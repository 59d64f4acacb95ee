package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.safety.ProcedureRisk;
import org.synovia.safety.SourceAnswer;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-017 — dipyridamole and cilostazol.
 * <p>
 * Low-risk procedures (facts AC-10, AC-16): do not withhold. Intermediate/high risk: dipyridamole —
 * ASRA "no" (high: 2 days) against SIR "3–5 days" for the combination (AC-31); it is taken for secondary
 * stroke prevention, so the prescriber decides. Cilostazol — ASRA intermediate "no", high 2 days; SIR
 * "do not withhold" (AC-38).
 */
final class OtherAntiplateletRule extends AntithromboticRule {

    static final int CILOSTAZOL_ASRA_HIGH_DAYS = 2;
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
        return List.of("cilostazol " + CILOSTAZOL_ASRA_HIGH_DAYS + " days at ASRA high risk",
                "dipyridamole: refer (SIR up to " + DIPYRIDAMOLE_SIR_MAX_DAYS + " days)", "restart " + RESTART_HOURS + " h");
    }

    @Override
    boolean covers(Antithrombotic drug) {
        return drug == Antithrombotic.DIPYRIDAMOLE || drug == Antithrombotic.CILOSTAZOL;
    }

    @Override
    Decision decide(Medicine medicine, AssessmentContext context) {
        String name = medicine.displayName();
        if (!context.bleedingRisk().elevated()) {
            return Decision.proceed("Low-risk procedure: do not withhold " + name + " [AC-10, AC-16]", sources(),
                    new SourceAnswer("ASRA 2018", "no"), new SourceAnswer("SIR 2019", "do not withhold"));
        }
        String category = context.bleedingRisk().chosen().label();
        if (medicine.drug() == Antithrombotic.DIPYRIDAMOLE) {
            return new Decision(PlanAction.REFER_TO_PRESCRIBER, new Requirement(0, 0, DIPYRIDAMOLE_SIR_MAX_DAYS),
                    new Restart(0, true),
                    List.of(new SourceAnswer("ASRA 2018", "no (ASRA high risk: 2 days)"),
                            new SourceAnswer("SIR 2019", "3–5 days (with aspirin)")),
                    null, null, "Dipyridamole before a " + category + "-risk procedure: sources disagree and it is "
                            + "taken for secondary prevention; the prescriber decides [AC-31]", sources(), null);
        }
        if (context.bleedingRisk().asra() == ProcedureRisk.HIGH) {
            return new Decision(PlanAction.HOLD, Requirement.days(CILOSTAZOL_ASRA_HIGH_DAYS), new Restart(RESTART_HOURS, false),
                    List.of(new SourceAnswer("ASRA 2018", "high risk: 2 days"), new SourceAnswer("SIR 2019", "do not withhold")),
                    "the more conservative: ASRA 2 days", null, "High-risk procedure (ASRA): hold cilostazol "
                            + CILOSTAZOL_ASRA_HIGH_DAYS + " days [AC-38]", sources(), null);
        }
        return Decision.proceed(category + "-risk procedure: continue cilostazol (ASRA intermediate \"no\"; SIR do not "
                + "withhold) [AC-38]", sources(), new SourceAnswer("ASRA 2018", "no"), new SourceAnswer("SIR 2019", "do not withhold"));
    }
}
