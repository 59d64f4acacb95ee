package org.synovia.safety.rules;

import java.util.List;
import java.util.Set;
import java.util.Optional;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.HeparinBeforeLowRisk;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.safety.ProcedureRisk;
import org.synovia.safety.SourceAnswer;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-014 — low-molecular-weight heparins, unfractionated heparin and fondaparinux.
 * <p>
 * Low-risk procedures: sources disagree (facts AC-12..15). ASRA: prophylactic LMWH 12 h since the last
 * dose, therapeutic 24 h, subcutaneous heparin 6 h; restart 4 h (LMWH) or 2 h (heparin). SIR: do not
 * withhold. Policy {@code heparin-before-low-risk} chooses, default ASRA (scenario A13: last dose D−1
 * 08:00, the D0 dose delayed to 13:00).
 * <p>
 * Intermediate/high-risk procedures (facts AC-33..37), each source at its own category: prophylactic
 * LMWH ASRA 12 h and SIR 1 dose; therapeutic LMWH 24 h (SIR "2 doses or 24 h"); subcutaneous heparin 6 h
 * (ASRA high 24 h); the restart is the earliest either source permits, a range read by its lower bound
 * (LMWH ASRA 12–24 h and SIR 12 h → 12 h; heparin ASRA 2 h, SIR 6–8 h → 2 h), the later one shown;
 * fondaparinux ASRA 4 days, SIR 2–3 days (CrCl ≥ 50) or 3–5 days (below), lower bounds with the upper
 * shown as advisories.
 * <p>
 * Intravenous heparin is an infusion run by the ward: always referred. Fondaparinux before a low-risk
 * procedure has no row in facts §1B: referred.
 */
final class HeparinRule extends AntithromboticRule {

    static final int LMWH_PROPHYLACTIC_HOURS = 12;
    static final int LMWH_THERAPEUTIC_HOURS = 24;
    static final int LMWH_LOW_RISK_RESTART_HOURS = 4;
    static final int LMWH_ELEVATED_RESTART_HOURS = 12;
    static final int SIR_LMWH_RESTART_HOURS = 12;
    static final int SIR_HEPARIN_RESTART_HOURS = 6;
    static final int HEPARIN_SC_HOURS = 6;
    static final int HEPARIN_SC_ASRA_HIGH_HOURS = 24;
    static final int HEPARIN_RESTART_HOURS = 2;
    static final int HEPARIN_AFTER_HIGH_RISK_RESTART_HOURS = 6;
    static final int FONDAPARINUX_ASRA_DAYS = 4;
    static final int FONDAPARINUX_SIR_MIN_DAYS = 2;
    static final int FONDAPARINUX_SIR_DAYS = 3;
    static final int FONDAPARINUX_LOW_CRCL_SIR_MIN_DAYS = 3;
    static final int FONDAPARINUX_LOW_CRCL_SIR_DAYS = 5;
    static final double FONDAPARINUX_BAND_ML_MIN = 50;
    static final int FONDAPARINUX_RESTART_HOURS = 24;

    @Override
    public String id() {
        return "SAF-014";
    }

    @Override
    public String name() {
        return "Heparin and fondaparinux plan";
    }

    @Override
    public String summary() {
        return "Hold LMWH 12 h (prophylactic) or 24 h (therapeutic) and heparin 6 h per ASRA, with SIR's "
                + "\"do not withhold\" for low-risk procedures shown and chosen by local policy.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.asra("per-drug summary (S1a)", "AC-12", "AC-13", "AC-14", "AC-15", "AC-33", "AC-34", "AC-35",
                        "AC-36", "AC-37"),
                Sources.sir("Tables 3, 4 (S2b transcription)", "AC-12", "AC-13", "AC-14", "AC-15", "AC-33", "AC-34", "AC-35", "AC-36", "AC-37"),
                Sources.notes("AC-40"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("LMWH prophylactic " + LMWH_PROPHYLACTIC_HOURS + " h, therapeutic " + LMWH_THERAPEUTIC_HOURS
                        + " h; restart " + LMWH_LOW_RISK_RESTART_HOURS + " h (low risk) / " + LMWH_ELEVATED_RESTART_HOURS + " h (ASRA 12–24, SIR 12)",
                "heparin SC " + HEPARIN_SC_HOURS + " h (ASRA high " + HEPARIN_SC_ASRA_HIGH_HOURS + " h); restart "
                        + HEPARIN_RESTART_HOURS + " h",
                "fondaparinux ASRA " + FONDAPARINUX_ASRA_DAYS + " days; SIR " + FONDAPARINUX_SIR_MIN_DAYS + "–"
                        + FONDAPARINUX_SIR_DAYS + " days (CrCl ≥ " + (int) FONDAPARINUX_BAND_ML_MIN + "), "
                        + FONDAPARINUX_LOW_CRCL_SIR_MIN_DAYS + "–" + FONDAPARINUX_LOW_CRCL_SIR_DAYS + " days below (lower bounds)",
                "policy heparin-before-low-risk = " + policy.heparinBeforeLowRisk());
    }

    @Override
    boolean covers(Antithrombotic drug) {
        return drug.kind() == Antithrombotic.Kind.HEPARIN;
    }

    @Override
    Optional<Decision> special(Medicine medicine, AssessmentContext context) {
        boolean elevated = context.bleedingRisk().asra().elevated() || context.bleedingRisk().sir().elevated();
        if (medicine.drug() == Antithrombotic.HEPARIN_INTRAVENOUS) {
            return Optional.of(Decision.of(PlanAction.REFER_TO_PRESCRIBER, Requirement.hours(HEPARIN_SC_HOURS), ASRA,
                    Restart.after(HEPARIN_RESTART_HOURS),
                    List.of(new SourceAnswer(ASRA, "6 h; restart 2 h"),
                            new SourceAnswer(SIR, elevated ? "4–6 h with aPTT/anti-Xa; restart 6–8 h" : "do not withhold")),
                    null, null, "Intravenous heparin is an infusion managed by the ward team: agree the stop time "
                            + "with them [AC-14, AC-35]", sources(), null));
        }
        if (medicine.drug() == Antithrombotic.FONDAPARINUX && !elevated) {
            return Optional.of(Decision.of(PlanAction.REFER_TO_PRESCRIBER,
                    Requirement.days(FONDAPARINUX_ASRA_DAYS), ASRA, Restart.after(FONDAPARINUX_RESTART_HOURS),
                    List.of(new SourceAnswer(ASRA, "no low-risk row"), new SourceAnswer(SIR, "no low-risk row")),
                    null, null, "Fondaparinux before a low-risk procedure: neither source gives a low-risk row; the "
                            + "prescriber decides [AC-37]", sources(), null));
        }
        return Optional.empty();
    }

    @Override
    SourceRule asra(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        Antithrombotic drug = medicine.drug();
        if (drug == Antithrombotic.FONDAPARINUX) {
            return category.elevated()
                    ? SourceRule.hold(ASRA, Requirement.days(FONDAPARINUX_ASRA_DAYS), Restart.after(FONDAPARINUX_RESTART_HOURS),
                            FONDAPARINUX_ASRA_DAYS + " days; restart " + FONDAPARINUX_RESTART_HOURS + " h", "AC-37")
                    : SourceRule.noHold(ASRA, "no low-risk row", "AC-37");
        }
        if (drug == Antithrombotic.HEPARIN_SUBCUTANEOUS) {
            if (category == ProcedureRisk.HIGH) {
                return SourceRule.hold(ASRA, Requirement.hours(HEPARIN_SC_ASRA_HIGH_HOURS),
                        Restart.after(HEPARIN_AFTER_HIGH_RISK_RESTART_HOURS), HEPARIN_SC_ASRA_HIGH_HOURS + " h; restart "
                                + HEPARIN_AFTER_HIGH_RISK_RESTART_HOURS + " h", "AC-36");
            }
            return SourceRule.hold(ASRA, Requirement.hours(HEPARIN_SC_HOURS), Restart.after(HEPARIN_RESTART_HOURS),
                    HEPARIN_SC_HOURS + " h; restart " + HEPARIN_RESTART_HOURS + " h", category.elevated() ? "AC-36" : "AC-15");
        }
        int hours = therapeutic(drug) ? LMWH_THERAPEUTIC_HOURS : LMWH_PROPHYLACTIC_HOURS;
        if (!category.elevated()) {
            return SourceRule.hold(ASRA, Requirement.hours(hours), Restart.after(LMWH_LOW_RISK_RESTART_HOURS),
                    hours + " h since the last dose; restart " + LMWH_LOW_RISK_RESTART_HOURS + " h after",
                    therapeutic(drug) ? "AC-13" : "AC-12");
        }
        return SourceRule.hold(ASRA, Requirement.hours(hours), Restart.after(LMWH_ELEVATED_RESTART_HOURS),
                hours + " h; restart 12–24 h (from " + LMWH_ELEVATED_RESTART_HOURS + " h)", therapeutic(drug) ? "AC-34" : "AC-33");
    }

    @Override
    SourceRule sir(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        Antithrombotic drug = medicine.drug();
        if (!category.elevated()) {
            return drug == Antithrombotic.FONDAPARINUX ? SourceRule.noHold(SIR, "no low-risk row", "AC-37")
                    : SourceRule.noHold(SIR, "do not withhold", drug == Antithrombotic.HEPARIN_SUBCUTANEOUS ? "AC-15"
                            : therapeutic(drug) ? "AC-13" : "AC-12");
        }
        if (drug == Antithrombotic.FONDAPARINUX) {
            Optional<Double> crcl = context.creatinineClearance();
            boolean normal = crcl.orElse(0.0) >= FONDAPARINUX_BAND_ML_MIN;
            int lower = normal ? FONDAPARINUX_SIR_MIN_DAYS : FONDAPARINUX_LOW_CRCL_SIR_MIN_DAYS;
            int upper = normal ? FONDAPARINUX_SIR_DAYS : FONDAPARINUX_LOW_CRCL_SIR_DAYS;
            return SourceRule.hold(SIR, Requirement.wholeDaysOff(lower), Restart.after(FONDAPARINUX_RESTART_HOURS),
                    lower + "–" + upper + " days (" + crcl.map(c -> "CrCl " + Wording.number(c) + " mL/min")
                            .orElse("CrCl not known, lower band assumed: measure it") + "); restart "
                            + FONDAPARINUX_RESTART_HOURS + " h", "AC-37")
                    .upTo(Requirement.wholeDaysOff(upper));
        }
        if (drug == Antithrombotic.HEPARIN_SUBCUTANEOUS) {
            return SourceRule.hold(SIR, Requirement.hours(HEPARIN_SC_HOURS), Restart.after(SIR_HEPARIN_RESTART_HOURS),
                    HEPARIN_SC_HOURS + " h after the last dose; restart 6–8 h (from " + SIR_HEPARIN_RESTART_HOURS + " h)",
                    "AC-36");
        }
        if (therapeutic(drug)) {
            return SourceRule.hold(SIR, Requirement.hours(LMWH_THERAPEUTIC_HOURS), Restart.after(SIR_LMWH_RESTART_HOURS),
                    "withhold 2 doses or 24 h (anti-Xa if renal impairment); restart " + SIR_LMWH_RESTART_HOURS + " h",
                    "AC-34");
        }
        return SourceRule.hold(SIR, Requirement.doses(1), Restart.after(SIR_LMWH_RESTART_HOURS),
                "withhold 1 dose; restart " + SIR_LMWH_RESTART_HOURS + " h", "AC-33");
    }

    @Override
    PolicyChoice policyChoice(Medicine medicine, AssessmentContext context) {
        HeparinBeforeLowRisk choice = context.policy().heparinBeforeLowRisk();
        if (!context.bleedingRisk().asra().elevated() && choice == HeparinBeforeLowRisk.SIR_CONTINUE) {
            return new PolicyChoice(Set.of(SIR), "heparin-before-low-risk = SIR_CONTINUE");
        }
        return new PolicyChoice(Set.of(ASRA, SIR), context.bleedingRisk().asra().elevated() ? null
                : "heparin-before-low-risk = " + choice);
    }

    private static boolean therapeutic(Antithrombotic drug) {
        return drug == Antithrombotic.ENOXAPARIN_THERAPEUTIC || drug == Antithrombotic.DALTEPARIN_THERAPEUTIC;
    }
}
