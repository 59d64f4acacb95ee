package org.synovia.safety.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.synovia.safety.DoseClass;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PregnancyStatus;
import org.synovia.safety.Severity;

/**
 * SAF-050 — pregnancy enquiry before X-ray or CT guidance (facts PG-01..07, CI-12).
 * <p>
 * IR(ME)R 2017: ask individuals of childbearing potential (12–55, regardless of gender identity)
 * about pregnancy, and record the enquiry, LMP and answer (PG-01, PG-02, PG-06). Pregnant or unsure:
 * do not proceed unless the practitioner justifies and documents it (PG-06); ionising guidance is
 * generally inappropriate in pregnancy (CI-12). Low-dose protocols follow the 28-day rule — proceed at
 * any point in the cycle unless a period is overdue (PG-03); protocols the employer classes as high
 * dose follow the 10-day rule — within 10 days of the start of the last period (PG-04, PG-07).
 * Ultrasound and landmark guidance need no radiation enquiry (PG-07). A pregnancy status nobody recorded is
 * not "not pregnant": within the enquiry ages (or with childbearing potential answered yes) it asks for the
 * enquiry before X-ray or CT.
 */
final class PregnancyRadiationRule implements SafetyRule {

    static final int ENQUIRY_MIN_AGE_YEARS = 12;
    static final int ENQUIRY_MAX_AGE_YEARS = 55;
    static final int DEFAULT_CYCLE_DAYS = 28;
    static final int TEN_DAY_RULE_LAST_CYCLE_DAY = 10;

    @Override
    public String id() {
        return "SAF-050";
    }

    @Override
    public String name() {
        return "Pregnancy enquiry before ionising radiation";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Applies the IR(ME)R pregnancy enquiry with the 28-day rule (low dose) or 10-day rule (high dose) "
                + "before X-ray or CT guidance; none for ultrasound.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("IR(ME)R 2017 and DHSC guidance (S41)", 2017, "employer's procedures",
                        "PG-01", "CI-12"),
                GuidelineReference.of("HPA/RCR/CoR RCE-9; SoR inclusive pregnancy status (S42)", 2009,
                        "28-day and 10-day rules", "PG-02", "PG-03", "PG-04", "PG-05", "PG-06"),
                Sources.notes("PG-07"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("enquiry age " + ENQUIRY_MIN_AGE_YEARS + "–" + ENQUIRY_MAX_AGE_YEARS + " years",
                "28-day rule: stop when the period is overdue (cycle length, default " + DEFAULT_CYCLE_DAYS + " days)",
                "10-day rule: procedure on cycle day 1–" + TEN_DAY_RULE_LAST_CYCLE_DAY);
    }

    @Override
    public void evaluate(AssessmentContext context) {
        PatientFacts patient = context.patient();
        PregnancyStatus status = patient.pregnancy();
        if (!context.procedure().guidance().ionising()) {
            if (status == PregnancyStatus.PREGNANT || status == PregnancyStatus.POSSIBLE) {
                context.add(this, Severity.INFO, context.procedure().guidance().label()
                        + " guidance: no ionising radiation, so no IR(ME)R pregnancy enquiry is needed [PG-07]");
            }
            return;
        }
        if (!enquiryNeeded(patient, context.referenceDate())) {
            return;
        }
        String guidance = context.procedure().guidance().label();
        if (status == PregnancyStatus.PREGNANT) {
            context.add(this, Severity.STOP, "Pregnant" + (patient.pregnancyWeeks() != null ? " (" + patient.pregnancyWeeks()
                    + " weeks)" : "") + " and " + guidance + " guidance: ionising-radiation guidance is generally "
                    + "inappropriate in pregnancy; use ultrasound where possible, otherwise the practitioner must justify "
                    + "and document it [CI-12, PG-06]");
            return;
        }
        if (status == PregnancyStatus.POSSIBLE) {
            context.add(this, Severity.STOP, "Pregnancy possible and " + guidance + " guidance: do not proceed unless the "
                    + "practitioner justifies and documents it [PG-06]");
            return;
        }
        if (status == PregnancyStatus.NOT_RECORDED) {
            // Not asked is not "not pregnant": the enquiry is owed before the exposure (PG-01).
            context.add(this, Severity.WARN, "Pregnancy status not recorded and " + guidance + " guidance: ask whether "
                    + "the patient could be pregnant and record the enquiry, LMP and answer before the procedure [PG-01, PG-06]");
            if (context.procedure().localDoseClass() != DoseClass.HIGH) {
                return;
            }
        }
        if (context.procedure().localDoseClass() == DoseClass.HIGH) {
            tenDayRule(context, patient);
        } else {
            twentyEightDayRule(context, patient);
        }
    }

    private void twentyEightDayRule(AssessmentContext context, PatientFacts patient) {
        String record = "record the enquiry, LMP and answer; the operator signs [PG-01, PG-06]";
        LocalDate lmp = patient.lastMenstrualPeriod();
        if (lmp == null || context.start().isEmpty()) {
            context.add(this, Severity.INFO, "Low-dose protocol, 28-day rule: pregnancy enquiry on the day; proceed at any "
                    + "point in the cycle unless a period is overdue; " + record + " [PG-03, PG-07]");
            return;
        }
        int cycle = patient.cycleLengthDays() != null ? patient.cycleLengthDays() : DEFAULT_CYCLE_DAYS;
        long daysSince = ChronoUnit.DAYS.between(lmp, context.referenceDate());
        String facts = "LMP " + daysSince + " days before the procedure, cycle " + cycle + " days";
        if (daysSince > cycle) {
            context.add(this, Severity.STOP, "Low-dose protocol, 28-day rule: " + facts + ": period overdue, pregnancy "
                    + "possible; do not proceed unless pregnancy is excluded or the practitioner justifies it [PG-03, PG-06]");
            return;
        }
        String answer = patient.pregnancy() == PregnancyStatus.NOT_PREGNANT ? ", states not pregnant" : ", pregnancy to be asked";
        context.add(this, Severity.INFO, "Low-dose protocol, 28-day rule: " + facts + answer + ": proceed; "
                + record + " [PG-03, PG-07]");
    }

    private void tenDayRule(AssessmentContext context, PatientFacts patient) {
        LocalDate lmp = patient.lastMenstrualPeriod();
        int cycle = patient.cycleLengthDays() != null ? patient.cycleLengthDays() : DEFAULT_CYCLE_DAYS;
        if (lmp == null) {
            context.add(this, Severity.WARN, "High-dose protocol, 10-day rule: LMP not known; record it and book within "
                    + "days 1–" + TEN_DAY_RULE_LAST_CYCLE_DAY + " of a cycle (or follow the local alternative, e.g. a "
                    + "pregnancy test) [PG-04, PG-07]");
            return;
        }
        LocalDate nextCycle = lmp.plusDays(cycle);
        while (nextCycle.plusDays(TEN_DAY_RULE_LAST_CYCLE_DAY - 1L).isBefore(context.today())) {
            nextCycle = nextCycle.plusDays(cycle);
        }
        String window = Wording.date(nextCycle) + " to " + Wording.date(nextCycle.plusDays(TEN_DAY_RULE_LAST_CYCLE_DAY - 1L));
        if (context.start().isEmpty()) {
            context.add(this, Severity.WARN, "High-dose protocol, 10-day rule: book within days 1–"
                    + TEN_DAY_RULE_LAST_CYCLE_DAY + " of a cycle; with LMP " + Wording.date(lmp) + " and a " + cycle
                    + "-day cycle the next window is about " + window + " [PG-04, PG-07]");
            return;
        }
        long cycleDay = ChronoUnit.DAYS.between(lmp, context.referenceDate()) + 1;
        if (cycleDay <= TEN_DAY_RULE_LAST_CYCLE_DAY && cycleDay >= 1) {
            context.add(this, Severity.INFO, "High-dose protocol, 10-day rule: procedure on cycle day " + cycleDay
                    + ": proceed; record the enquiry, LMP and answer [PG-04, PG-06]");
            return;
        }
        context.add(this, Severity.STOP, "High-dose protocol, 10-day rule: procedure would be on cycle day " + cycleDay
                + " (LMP " + Wording.date(lmp) + "), after day " + TEN_DAY_RULE_LAST_CYCLE_DAY + ": rebook within days 1–"
                + TEN_DAY_RULE_LAST_CYCLE_DAY + " of the next cycle (about " + window + ") or follow the local "
                + "alternative (e.g. a pregnancy test); record [PG-04, PG-07]");
    }

    static boolean enquiryNeeded(PatientFacts patient, LocalDate on) {
        if (patient.pregnancy() != PregnancyStatus.NOT_APPLICABLE && patient.pregnancy() != PregnancyStatus.NOT_RECORDED) {
            return true;
        }
        if (patient.childbearingPotential().known()) {
            return patient.childbearingPotential().isYes();
        }
        Integer age = patient.ageOn(on);
        return age == null || (age >= ENQUIRY_MIN_AGE_YEARS && age <= ENQUIRY_MAX_AGE_YEARS);
    }
}
