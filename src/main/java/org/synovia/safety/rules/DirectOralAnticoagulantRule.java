package org.synovia.safety.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.DoacHold;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.safety.ProcedureRisk;
import org.synovia.safety.SourceAnswer;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-013 — apixaban, rivaroxaban, edoxaban and dabigatran.
 * <p>
 * Low-risk procedures (facts AC-02..05): ASRA "no routine stop; shared assessment and risk
 * stratification"; SIR "do not withhold". Continue. A UK provider's ≥ 24 h gap (S9, L) is an optional
 * local rule, off by default (scenario A1).
 * <p>
 * Intermediate/high-risk procedures (facts AC-23..26): ASRA gives fixed days (3 for the anti-Xa drugs;
 * dabigatran 4, or 5–6 with impaired renal function); SIR gives doses by creatinine clearance
 * (apixaban ≥ 50: 4, &lt; 50: 6; rivaroxaban ≥ 30: 2, 15–29: 3; edoxaban 2; dabigatran ≥ 50: 4,
 * 15–49: 6–8). Each source is read at its own category and a range by its lower bound (dabigatran 5
 * days, 6 doses), the upper bound shown as an advisory; by default both are satisfied (AC-40). Restart
 * 24 h after. Below CrCl 15 neither source gives a band: refer. An unknown CrCl takes the lowest band
 * and says so.
 */
final class DirectOralAnticoagulantRule extends AntithromboticRule {

    static final int ANTI_XA_ASRA_DAYS = 3;
    static final int DABIGATRAN_ASRA_DAYS = 4;
    static final int DABIGATRAN_RENAL_ASRA_MIN_DAYS = 5;
    static final int DABIGATRAN_RENAL_ASRA_DAYS = 6;
    static final double DABIGATRAN_RENAL_IMPAIRMENT_BELOW_ML_MIN = 50;
    static final double APIXABAN_BAND_ML_MIN = 50;
    static final int APIXABAN_SIR_DOSES = 4;
    static final int APIXABAN_LOW_CRCL_SIR_DOSES = 6;
    static final double RIVAROXABAN_BAND_ML_MIN = 30;
    static final int RIVAROXABAN_SIR_DOSES = 2;
    static final int RIVAROXABAN_LOW_CRCL_SIR_DOSES = 3;
    static final int EDOXABAN_SIR_DOSES = 2;
    static final double DABIGATRAN_BAND_ML_MIN = 50;
    static final int DABIGATRAN_SIR_DOSES = 4;
    static final int DABIGATRAN_LOW_CRCL_SIR_MIN_DOSES = 6;
    static final int DABIGATRAN_LOW_CRCL_SIR_DOSES = 8;
    static final double NO_BAND_BELOW_ML_MIN = 15;
    static final int RESTART_HOURS = 24;

    @Override
    public String id() {
        return "SAF-013";
    }

    @Override
    public String name() {
        return "Direct oral anticoagulant plan";
    }

    @Override
    public String summary() {
        return "Continue for low-risk procedures; for intermediate/high risk hold by ASRA days and SIR doses "
                + "with creatinine-clearance bands, restart 24 h after.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.asra("per-drug summary (S1a)", "AC-02", "AC-03", "AC-04", "AC-05", "AC-23", "AC-24",
                        "AC-25", "AC-26"),
                Sources.sir("Tables 3, 4, 6 (S2b transcription)", "AC-02", "AC-03", "AC-04", "AC-05", "AC-23", "AC-24", "AC-25", "AC-26"),
                Sources.notes("AC-40", "AC-41"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("ASRA: anti-Xa DOACs " + ANTI_XA_ASRA_DAYS + " days; dabigatran " + DABIGATRAN_ASRA_DAYS
                        + " days, " + DABIGATRAN_RENAL_ASRA_MIN_DAYS + " days (up to " + DABIGATRAN_RENAL_ASRA_DAYS + ") if CrCl < " + (int) DABIGATRAN_RENAL_IMPAIRMENT_BELOW_ML_MIN,
                "SIR apixaban: " + APIXABAN_SIR_DOSES + " doses (CrCl ≥ " + (int) APIXABAN_BAND_ML_MIN + "), "
                        + APIXABAN_LOW_CRCL_SIR_DOSES + " doses below",
                "SIR rivaroxaban: " + RIVAROXABAN_SIR_DOSES + " doses (CrCl ≥ " + (int) RIVAROXABAN_BAND_ML_MIN + "), "
                        + RIVAROXABAN_LOW_CRCL_SIR_DOSES + " doses (15–29)",
                "SIR edoxaban: " + EDOXABAN_SIR_DOSES + " doses",
                "SIR dabigatran: " + DABIGATRAN_SIR_DOSES + " doses (CrCl ≥ " + (int) DABIGATRAN_BAND_ML_MIN + "), "
                        + DABIGATRAN_LOW_CRCL_SIR_MIN_DOSES + " doses (15–49; the lower bound of 6–8, up to " + DABIGATRAN_LOW_CRCL_SIR_DOSES + " shown)",
                "CrCl < " + (int) NO_BAND_BELOW_ML_MIN + " mL/min: refer to prescriber",
                "restart " + RESTART_HOURS + " h after",
                "policy doac-hold = " + policy.doacHold(),
                "optional low-risk gap (S9) = " + policy.ukProviderDoacHours() + " h (0 = off)");
    }

    @Override
    boolean covers(Antithrombotic drug) {
        return drug.kind() == Antithrombotic.Kind.DIRECT_ORAL_ANTICOAGULANT;
    }

    @Override
    Optional<Decision> special(Medicine medicine, AssessmentContext context) {
        String name = medicine.displayName();
        Optional<Double> crcl = context.creatinineClearance();
        boolean anySourceStops = context.bleedingRisk().asra().elevated() || context.bleedingRisk().sir().elevated();
        if (anySourceStops && crcl.isPresent() && crcl.get() < NO_BAND_BELOW_ML_MIN) {
            int asraDays = asraDays(medicine.drug(), crcl.get());
            int sirDoses = sirDoses(medicine.drug(), crcl.get());
            return Optional.of(Decision.of(PlanAction.REFER_TO_PRESCRIBER, new Requirement(asraDays * 24, sirDoses, 0), ASRA,
                    Restart.after(RESTART_HOURS), answers(medicine, context), null, null, name + " with CrCl "
                            + Wording.number(crcl.get()) + " mL/min: below every SIR band (CrCl < "
                            + (int) NO_BAND_BELOW_ML_MIN + "); the prescriber decides [AC-23..26]", sources(), null));
        }
        int providerHours = context.policy().ukProviderDoacHours();
        if (!anySourceStops && providerHours > 0) {
            List<SourceAnswer> answers = new ArrayList<>(answers(medicine, context));
            answers.add(provider());
            return Optional.of(Decision.of(PlanAction.HOLD, Requirement.hours(providerHours), "local policy",
                    Restart.after(RESTART_HOURS), answers, "uk-provider-doac-hours = " + providerHours, null,
                    "Low-risk procedure; local policy asks for " + providerHours + " h since the last " + name
                            + " [AC-02..05, S9]", sources(), null));
        }
        if (!anySourceStops) {
            List<SourceAnswer> answers = new ArrayList<>(answers(medicine, context));
            answers.add(provider());
            return Optional.of(Decision.of(PlanAction.CONTINUE, null, null, null, answers,
                    "uk-provider-doac-hours = 0 (off)", null, "Low-risk procedure: no interruption; continue " + name
                            + " as usual. ASRA: shared assessment and risk stratification with the prescriber. CrCl is "
                            + "not used for low-risk holds [AC-02..05]", sources(), null));
        }
        return Optional.empty();
    }

    private List<SourceAnswer> answers(Medicine medicine, AssessmentContext context) {
        return List.of(new SourceAnswer(ASRA, asra(medicine, context.bleedingRisk().asra(), context).words()),
                new SourceAnswer(SIR, sir(medicine, context.bleedingRisk().sir(), context).words()));
    }

    private static SourceAnswer provider() {
        return new SourceAnswer("UK provider (S9, L)", "leave ≥ 24 h after the last tablet (optional local rule)");
    }

    @Override
    SourceRule asra(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        if (!category.elevated()) {
            return SourceRule.noHold(ASRA, "no routine stop; shared assessment and risk stratification", lowRow(medicine.drug()));
        }
        Optional<Double> crcl = context.creatinineClearance();
        double clearance = crcl.orElse(0.0);
        if (medicine.drug() == Antithrombotic.DABIGATRAN && clearance < DABIGATRAN_RENAL_IMPAIRMENT_BELOW_ML_MIN) {
            return SourceRule.hold(ASRA, Requirement.days(DABIGATRAN_RENAL_ASRA_MIN_DAYS), Restart.after(RESTART_HOURS),
                    DABIGATRAN_RENAL_ASRA_MIN_DAYS + "–" + DABIGATRAN_RENAL_ASRA_DAYS + " days with impaired renal function ("
                            + crclWords(crcl) + "); restart " + RESTART_HOURS + " h", rows(medicine.drug()))
                    .upTo(Requirement.days(DABIGATRAN_RENAL_ASRA_DAYS));
        }
        int days = asraDays(medicine.drug(), clearance);
        return SourceRule.hold(ASRA, Requirement.days(days), Restart.after(RESTART_HOURS),
                days + " days (≥ " + days * 24 + " h) since the last dose; restart " + RESTART_HOURS + " h", rows(medicine.drug()));
    }

    @Override
    SourceRule sir(Medicine medicine, ProcedureRisk category, AssessmentContext context) {
        if (!category.elevated()) {
            return SourceRule.noHold(SIR, "do not withhold", lowRow(medicine.drug()));
        }
        Optional<Double> crcl = context.creatinineClearance();
        double clearance = crcl.orElse(0.0);
        if (medicine.drug() == Antithrombotic.DABIGATRAN && clearance < DABIGATRAN_BAND_ML_MIN) {
            return SourceRule.hold(SIR, Requirement.doses(DABIGATRAN_LOW_CRCL_SIR_MIN_DOSES), Restart.after(RESTART_HOURS),
                    "omit " + DABIGATRAN_LOW_CRCL_SIR_MIN_DOSES + "–" + DABIGATRAN_LOW_CRCL_SIR_DOSES + " doses ("
                            + crclWords(crcl) + "); restart " + RESTART_HOURS + " h", rows(medicine.drug()))
                    .upTo(Requirement.doses(DABIGATRAN_LOW_CRCL_SIR_DOSES));
        }
        int doses = sirDoses(medicine.drug(), clearance);
        return SourceRule.hold(SIR, Requirement.doses(doses), Restart.after(RESTART_HOURS),
                "omit " + doses + " doses (" + crclWords(crcl) + "); restart " + RESTART_HOURS + " h", rows(medicine.drug()));
    }

    @Override
    PolicyChoice policyChoice(Medicine medicine, AssessmentContext context) {
        DoacHold choice = context.policy().doacHold();
        return switch (choice) {
            case BOTH -> new PolicyChoice(Set.of(ASRA, SIR), "doac-hold = BOTH");
            case ASRA_DAYS -> new PolicyChoice(Set.of(ASRA), "doac-hold = ASRA_DAYS");
            case SIR_DOSES -> new PolicyChoice(Set.of(SIR), "doac-hold = SIR_DOSES");
        };
    }

    private static String crclWords(Optional<Double> crcl) {
        return crcl.map(c -> "CrCl " + Wording.number(c) + " mL/min").orElse("CrCl not known, lowest band assumed: measure it");
    }

    private static String lowRow(Antithrombotic drug) {
        return switch (drug) {
            case DABIGATRAN -> "AC-02";
            case RIVAROXABAN -> "AC-03";
            case APIXABAN -> "AC-04";
            default -> "AC-05";
        };
    }

    static int asraDays(Antithrombotic drug, double clearance) {
        if (drug == Antithrombotic.DABIGATRAN) {
            return clearance < DABIGATRAN_RENAL_IMPAIRMENT_BELOW_ML_MIN ? DABIGATRAN_RENAL_ASRA_DAYS : DABIGATRAN_ASRA_DAYS;
        }
        return ANTI_XA_ASRA_DAYS;
    }

    static int sirDoses(Antithrombotic drug, double clearance) {
        return switch (drug) {
            case APIXABAN -> clearance >= APIXABAN_BAND_ML_MIN ? APIXABAN_SIR_DOSES : APIXABAN_LOW_CRCL_SIR_DOSES;
            case RIVAROXABAN -> clearance >= RIVAROXABAN_BAND_ML_MIN ? RIVAROXABAN_SIR_DOSES : RIVAROXABAN_LOW_CRCL_SIR_DOSES;
            case EDOXABAN -> EDOXABAN_SIR_DOSES;
            case DABIGATRAN -> clearance >= DABIGATRAN_BAND_ML_MIN ? DABIGATRAN_SIR_DOSES : DABIGATRAN_LOW_CRCL_SIR_DOSES;
            default -> throw new IllegalArgumentException("not a DOAC: " + drug);
        };
    }

    private static String rows(Antithrombotic drug) {
        return switch (drug) {
            case DABIGATRAN -> "AC-23";
            case RIVAROXABAN -> "AC-24";
            case APIXABAN -> "AC-25";
            default -> "AC-26";
        };
    }
}
