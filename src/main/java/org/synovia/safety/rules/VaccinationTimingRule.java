package org.synovia.safety.rules;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Severity;
import org.synovia.safety.Vaccination;
import org.synovia.safety.VaccineType;

/**
 * SAF-082 — vaccination and steroid timing (facts CI-15). Spine Intervention Society: mRNA COVID-19
 * vaccines — elective steroid injection at least 2 weeks before and 1 week after a dose; adenovirus
 * vector vaccines — 2 weeks before and after; a shared decision. No timing was found for other vaccines
 * (the Kenalog leaflet asks the patient to consult a doctor).
 */
final class VaccinationTimingRule implements SafetyRule {

    static final int DAYS_BEFORE_VACCINE = 14;
    static final int MRNA_DAYS_AFTER_VACCINE = 7;
    static final int ADENOVIRUS_DAYS_AFTER_VACCINE = 14;

    @Override
    public String id() {
        return "SAF-082";
    }

    @Override
    public String name() {
        return "Vaccination timing";
    }

    @Override
    public Severity severity() {
        return Severity.WARN;
    }

    @Override
    public String summary() {
        return "Warns when a steroid injection falls within 2 weeks before or 1–2 weeks after a COVID-19 vaccine dose.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("Spine Intervention Society FactFinders (S32)", 2021, "COVID-19 vaccines",
                "CI-15"), GuidelineReference.of("Kenalog SmPC/PIL (S12); UK GP leaflet (S31)", 2023, "vaccination", "CI-15"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("injection ≥ " + DAYS_BEFORE_VACCINE + " days before a dose",
                "≥ " + MRNA_DAYS_AFTER_VACCINE + " days after an mRNA dose, ≥ " + ADENOVIRUS_DAYS_AFTER_VACCINE
                        + " days after an adenovirus-vector dose");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        if (!context.procedure().steroid()) {
            return;
        }
        for (Vaccination vaccination : context.input().vaccinations()) {
            long vaccineAfterInjection = ChronoUnit.DAYS.between(context.referenceDate(), vaccination.date());
            String when = "vaccine " + (vaccineAfterInjection >= 0 ? "due " : "given ") + Wording.date(vaccination.date())
                    + ", " + Math.abs(vaccineAfterInjection) + " days " + (vaccineAfterInjection >= 0 ? "after " : "before ")
                    + "the injection " + context.referenceDayWords();
            if (vaccination.type() == VaccineType.OTHER) {
                if (Math.abs(vaccineAfterInjection) < DAYS_BEFORE_VACCINE) {
                    context.add(this, Severity.INFO, "Other " + when + ": no timing rule found; the Kenalog leaflet asks "
                            + "the patient to consult a doctor [CI-15]");
                }
                continue;
            }
            int neededAfter = vaccination.type() == VaccineType.MRNA ? MRNA_DAYS_AFTER_VACCINE : ADENOVIRUS_DAYS_AFTER_VACCINE;
            String type = vaccination.type() == VaccineType.MRNA ? "mRNA COVID-19" : "Adenovirus-vector COVID-19";
            if (vaccineAfterInjection >= 0 && vaccineAfterInjection < DAYS_BEFORE_VACCINE) {
                context.add(this, Severity.WARN, type + " " + when + ": inject at least " + DAYS_BEFORE_VACCINE
                        + " days before a dose; shared decision [CI-15]", List.of(), null, true);
            } else if (vaccineAfterInjection < 0 && -vaccineAfterInjection < neededAfter) {
                context.add(this, Severity.WARN, type + " " + when + ": inject at least " + neededAfter
                        + " days after a dose; shared decision [CI-15]", List.of(), null, true);
            }
        }
    }
}
