package org.synovia.safety.rules;

import java.util.List;
import java.util.Optional;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.HeparinBeforeLowRisk;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
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
 * Intermediate/high-risk procedures (facts AC-33..37): prophylactic LMWH ASRA 12 h and SIR 1 dose;
 * therapeutic LMWH 24 h (SIR "2 doses or 24 h"); subcutaneous heparin 6 h (ASRA high 24 h); restart at
 * the later ASRA figure (24 h for LMWH, 2 h / 6 h for heparin) with SIR shown; fondaparinux ASRA 4 days,
 * SIR 3 days (CrCl ≥ 50) or 5 days (below), upper ends of the SIR ranges.
 * <p>
 * Intravenous heparin is an infusion run by the ward: always referred. Fondaparinux before a low-risk
 * procedure has no row in facts §1B: referred.
 */
final class HeparinRule extends AntithromboticRule {

    static final int LMWH_PROPHYLACTIC_HOURS = 12;
    static final int LMWH_THERAPEUTIC_HOURS = 24;
    static final int LMWH_LOW_RISK_RESTART_HOURS = 4;
    static final int LMWH_ELEVATED_RESTART_HOURS = 24;
    static final int HEPARIN_SC_HOURS = 6;
    static final int HEPARIN_SC_ASRA_HIGH_HOURS = 24;
    static final int HEPARIN_RESTART_HOURS = 2;
    static final int HEPARIN_AFTER_HIGH_RISK_RESTART_HOURS = 6;
    static final int FONDAPARINUX_ASRA_DAYS = 4;
    static final int FONDAPARINUX_SIR_DAYS = 3;
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
                        + " h; restart " + LMWH_LOW_RISK_RESTART_HOURS + " h (low risk) / " + LMWH_ELEVATED_RESTART_HOURS + " h",
                "heparin SC " + HEPARIN_SC_HOURS + " h (ASRA high " + HEPARIN_SC_ASRA_HIGH_HOURS + " h); restart "
                        + HEPARIN_RESTART_HOURS + " h",
                "fondaparinux ASRA " + FONDAPARINUX_ASRA_DAYS + " days; SIR " + FONDAPARINUX_SIR_DAYS + " days (CrCl ≥ "
                        + (int) FONDAPARINUX_BAND_ML_MIN + "), " + FONDAPARINUX_LOW_CRCL_SIR_DAYS + " days below",
                "policy heparin-before-low-risk = " + policy.heparinBeforeLowRisk());
    }

    @Override
    boolean covers(Antithrombotic drug) {
        return drug.kind() == Antithrombotic.Kind.HEPARIN;
    }

    @Override
    Decision decide(Medicine medicine, AssessmentContext context) {
        Antithrombotic drug = medicine.drug();
        boolean elevated = context.bleedingRisk().elevated();
        if (drug == Antithrombotic.HEPARIN_INTRAVENOUS) {
            return new Decision(PlanAction.REFER_TO_PRESCRIBER, Requirement.hours(HEPARIN_SC_HOURS),
                    new Restart(HEPARIN_RESTART_HOURS, false),
                    List.of(new SourceAnswer("ASRA 2018", "6 h; restart 2 h"),
                            new SourceAnswer("SIR 2019", elevated ? "4–6 h with aPTT/anti-Xa; restart 6–8 h" : "do not withhold")),
                    null, null, "Intravenous heparin is an infusion managed by the ward team: agree the stop time "
                            + "with them [AC-14, AC-35]", sources(), null);
        }
        if (drug == Antithrombotic.FONDAPARINUX) {
            return fondaparinux(context, elevated);
        }
        return elevated ? elevatedHeparin(medicine, context) : lowRiskHeparin(medicine, context);
    }

    private Decision lowRiskHeparin(Medicine medicine, AssessmentContext context) {
        Antithrombotic drug = medicine.drug();
        boolean unfractionated = drug == Antithrombotic.HEPARIN_SUBCUTANEOUS;
        int hours = unfractionated ? HEPARIN_SC_HOURS : therapeutic(drug) ? LMWH_THERAPEUTIC_HOURS : LMWH_PROPHYLACTIC_HOURS;
        int restart = unfractionated ? HEPARIN_RESTART_HOURS : LMWH_LOW_RISK_RESTART_HOURS;
        String row = unfractionated ? "AC-15" : therapeutic(drug) ? "AC-13" : "AC-12";
        List<SourceAnswer> answers = List.of(
                new SourceAnswer("ASRA 2018", hours + " h since the last dose; restart " + restart + " h after"),
                new SourceAnswer("SIR 2019", "do not withhold"));
        HeparinBeforeLowRisk choice = context.policy().heparinBeforeLowRisk();
        String policyChoice = "heparin-before-low-risk = " + choice;
        if (choice == HeparinBeforeLowRisk.SIR_CONTINUE) {
            return new Decision(PlanAction.CONTINUE, null, null, answers, policyChoice, null,
                    "Low-risk procedure: sources disagree; local policy follows SIR: continue " + medicine.displayName()
                            + " [" + row + "]", sources(), null);
        }
        return new Decision(PlanAction.HOLD, Requirement.hours(hours), new Restart(restart, false), answers, policyChoice,
                null, "Low-risk procedure: sources disagree; local policy follows ASRA: " + hours + " h since the last "
                        + medicine.displayName() + ", restart " + restart + " h after [" + row + "]", sources(), null);
    }

    private Decision elevatedHeparin(Medicine medicine, AssessmentContext context) {
        Antithrombotic drug = medicine.drug();
        String category = context.bleedingRisk().chosen().label();
        if (drug == Antithrombotic.HEPARIN_SUBCUTANEOUS) {
            boolean asraHigh = context.bleedingRisk().asra() == org.synovia.safety.ProcedureRisk.HIGH;
            int hours = asraHigh ? HEPARIN_SC_ASRA_HIGH_HOURS : HEPARIN_SC_HOURS;
            int restart = asraHigh ? HEPARIN_AFTER_HIGH_RISK_RESTART_HOURS : HEPARIN_RESTART_HOURS;
            return new Decision(PlanAction.HOLD, Requirement.hours(hours), new Restart(restart, false),
                    List.of(new SourceAnswer("ASRA 2018", hours + " h; restart " + restart + " h"),
                            new SourceAnswer("SIR 2019", "6 h after the last dose; restart 6–8 h")),
                    null, null, category + "-risk procedure: " + hours + " h since the last subcutaneous heparin [AC-36]",
                    sources(), null);
        }
        if (therapeutic(drug)) {
            return new Decision(PlanAction.HOLD, Requirement.hours(LMWH_THERAPEUTIC_HOURS),
                    new Restart(LMWH_ELEVATED_RESTART_HOURS, false),
                    List.of(new SourceAnswer("ASRA 2018", "24 h; restart 12–24 h"),
                            new SourceAnswer("SIR 2019", "withhold 2 doses or 24 h (anti-Xa if renal impairment); restart 12 h")),
                    "restart at the later ASRA figure (24 h)", null, category
                            + "-risk procedure: " + LMWH_THERAPEUTIC_HOURS + " h since the last treatment-dose "
                            + medicine.displayName() + " [AC-34]", sources(), null);
        }
        return new Decision(PlanAction.HOLD, new Requirement(LMWH_PROPHYLACTIC_HOURS, 1, 0),
                new Restart(LMWH_ELEVATED_RESTART_HOURS, false),
                List.of(new SourceAnswer("ASRA 2018", "12 h; restart 12–24 h"),
                        new SourceAnswer("SIR 2019", "withhold 1 dose; restart 12 h")),
                "both satisfied; restart at the later ASRA figure (24 h)", null, category + "-risk procedure: "
                        + LMWH_PROPHYLACTIC_HOURS + " h and one dose omitted for prophylactic " + medicine.displayName()
                        + " [AC-33]", sources(), null);
    }

    private Decision fondaparinux(AssessmentContext context, boolean elevated) {
        Optional<Double> crcl = context.creatinineClearance();
        int sirDays = crcl.orElse(0.0) >= FONDAPARINUX_BAND_ML_MIN ? FONDAPARINUX_SIR_DAYS : FONDAPARINUX_LOW_CRCL_SIR_DAYS;
        List<SourceAnswer> answers = List.of(new SourceAnswer("ASRA 2018", FONDAPARINUX_ASRA_DAYS + " days"),
                new SourceAnswer("SIR 2019", sirDays + " days (" + crcl.map(c -> "CrCl " + Wording.number(c))
                        .orElse("CrCl not known, lower band") + "; upper end of the SIR range)"));
        Requirement hold = new Requirement(FONDAPARINUX_ASRA_DAYS * 24, 0, sirDays);
        if (!elevated) {
            return new Decision(PlanAction.REFER_TO_PRESCRIBER, hold, new Restart(FONDAPARINUX_RESTART_HOURS, false),
                    answers, null, null, "Fondaparinux before a low-risk procedure: no row in facts §1B; the "
                            + "prescriber decides [AC-37]", sources(), null);
        }
        return new Decision(PlanAction.HOLD, hold, new Restart(FONDAPARINUX_RESTART_HOURS, false), answers,
                "both satisfied", null, context.bleedingRisk().chosen().label() + "-risk procedure: stop fondaparinux "
                        + "(ASRA " + FONDAPARINUX_ASRA_DAYS + " days, SIR " + sirDays + " days) [AC-37]", sources(), null);
    }

    private static boolean therapeutic(Antithrombotic drug) {
        return drug == Antithrombotic.ENOXAPARIN_THERAPEUTIC || drug == Antithrombotic.DALTEPARIN_THERAPEUTIC;
    }
}
