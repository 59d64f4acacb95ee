package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.Severity;

/**
 * SAF-030 — diabetes and corticosteroid (facts CI-06, AF-07, ST-08). EULAR rec. 7: tell the patient
 * about a transient rise in glucose and monitor, especially days 1–3; the rise comes within 24–72 h,
 * sometimes later, and monitoring continues up to a week. The day-1 rise is larger with HbA1c &gt; 7%
 * or insulin (S23). Baseline HbA1c &gt; 8% (64 mmol/mol) carries OR 4.79 for a clinically relevant HbA1c
 * rise (S24), shown as a banner. No pre-procedure glucose threshold was found (CI-07).
 */
final class DiabetesRule implements SafetyRule {

    static final int LARGER_RISE_HBA1C_ABOVE_MMOL_MOL = 53;
    static final int BANNER_HBA1C_ABOVE_MMOL_MOL = 64;
    static final int MONITOR_CLOSELY_DAYS = 3;
    static final int MONITOR_UP_TO_DAYS = 7;
    static final double LOWER_TA_DOSE_MG = 10;

    @Override
    public String id() {
        return "SAF-030";
    }

    @Override
    public String name() {
        return "Diabetes and steroid: glucose advice";
    }

    @Override
    public Severity severity() {
        return Severity.WARN;
    }

    @Override
    public String summary() {
        return "Gives the mandatory glucose warning and diary prompts to a patient with diabetes having a steroid, "
                + "with a banner when HbA1c is above 8%.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.eular("recommendation 7", "CI-06", "AF-07"),
                GuidelineReference.of("Choudhry et al., JBJS Rev (S22); Shin et al. (S23); Sytsma et al. (S24)", 2023,
                        "glucose after IA steroid", "CI-06", "CX-09"),
                GuidelineReference.of("Knee OA dose trial via secondary summary", 2023, "trial doses", "ST-08"));
    }

    @Override
    public String evidence() {
        return "EULAR 2021 recommendation 7: agreement 97%, level of evidence 1B, grade A";
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("glucose checks more often days 1–" + MONITOR_CLOSELY_DAYS + ", up to day " + MONITOR_UP_TO_DAYS,
                "larger day-1 rise: insulin or HbA1c > " + LARGER_RISE_HBA1C_ABOVE_MMOL_MOL + " mmol/mol (7%)",
                "banner: HbA1c > " + BANNER_HBA1C_ABOVE_MMOL_MOL + " mmol/mol (8%), OR 4.79",
                "pre-procedure glucose threshold: none found (CI-07), clinician review");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        PatientFacts patient = context.patient();
        if (patient.diabetesNotRecorded() && context.procedure().steroid()) {
            // Not recorded is not "no diabetes": the warning is owed to a diabetic, so someone must ask (ADR 0068).
            context.add(this, Severity.WARN, "Diabetes not recorded and a steroid: ask the patient before the injection; "
                    + "a patient with diabetes needs the warning of a transient glucose rise and diary glucose prompts "
                    + "days 1–" + MONITOR_CLOSELY_DAYS + " [CI-06, AF-07]");
            return;
        }
        if (!patient.diabetic() || !context.procedure().steroid()) {
            return;
        }
        Integer hba1c = patient.hba1cMmolPerMol();
        String control = hba1c == null ? "HbA1c not recorded" : "HbA1c " + hba1c + " mmol/mol (" + percent(hba1c) + "%)";
        boolean largerRise = patient.onInsulin().isYes() || (hba1c != null && hba1c > LARGER_RISE_HBA1C_ABOVE_MMOL_MOL);
        context.add(this, Severity.WARN, "Diabetes (" + patient.diabetes().name().replace('_', ' ').toLowerCase()
                + (patient.onInsulin().isYes() ? ", on insulin" : patient.onInsulin().isNo() ? "" : ", insulin not recorded") + ", " + control + ") and a steroid: mandatory warning of a "
                + "transient glucose rise, mostly within 24–72 h and sometimes later; diary glucose prompts days 1–"
                + MONITOR_CLOSELY_DAYS + ", continuing to day " + MONITOR_UP_TO_DAYS
                + (largerRise ? "; a larger day-1 rise is expected (insulin or HbA1c > 7%)" : "") + " [CI-06, AF-07]");
        context.instructPatient("You have diabetes: the steroid can raise your blood sugar for a few days. Check it "
                + "more often for the first " + MONITOR_CLOSELY_DAYS + " days and keep checking for up to "
                + MONITOR_UP_TO_DAYS + " days. Get advice if it goes above the levels your diabetes team gave you.");
        if (hba1c != null && hba1c > BANNER_HBA1C_ABOVE_MMOL_MOL) {
            context.add(this, Severity.WARN, "Higher risk of HbA1c rise (baseline >8%: OR 4.79); " + control + " [CI-06]");
        }
        boolean highDoseTriamcinolone = context.procedure().drugs().stream()
                .anyMatch(d -> d.agent() == InjectedAgent.TRIAMCINOLONE_ACETONIDE && d.resolvedDoseMg() != null
                        && d.resolvedDoseMg() > LOWER_TA_DOSE_MG);
        if (highDoseTriamcinolone && "KNEE_JOINT".equals(context.procedure().siteCode())) {
            context.add(this, Severity.INFO, "Optional: triamcinolone acetonide " + Wording.number(LOWER_TA_DOSE_MG)
                    + " mg was reported non-inferior to 40 mg for knee OA at 12 weeks (secondary summary, L/M) [ST-08]");
        }
    }

    /** IFCC mmol/mol to DCCT %, one decimal place. */
    static String percent(int mmolPerMol) {
        return Wording.number(mmolPerMol / 10.929 + 2.15);
    }
}
