package org.synovia.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.synovia.safety.PatientFacts;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.YesNoUnknown;

/**
 * What sign-in measured, as values (issue 12 §3; facts CI-03, CI-07, CI-08, PR-07): temperature, capillary
 * glucose, blood pressure, the INR with the time it was taken, and whether the target is hot, swollen or red
 * (yes, no or not known). Never changed once recorded; measuring again records a new set.
 */
public record SignInObservations(Instant measuredAt, Double temperatureCelsius, Double capillaryGlucoseMmolPerL,
        Integer systolicMmHg, Integer diastolicMmHg, Double inr, Instant inrMeasuredAt, YesNoUnknown targetHot,
        YesNoUnknown targetSwollen, YesNoUnknown targetRed, String recordedBy) {

    /** What sign-in must measure for this patient: glucose for people with diabetes, INR on a vitamin K antagonist. */
    public record Required(boolean glucose, boolean inr) {
    }

    /**
     * Refuses, beside each field, what is missing or out of range: temperature, both blood pressures and the state
     * of the target always (an answer of "not known" is an answer; no answer is not), glucose and INR when required,
     * an INR time in the future.
     */
    static void check(Double temperature, Double glucose, Integer systolic, Integer diastolic, Double inr,
            LocalDateTime inrTakenAt, YesNoUnknown hot, YesNoUnknown swollen, YesNoUnknown red, Required required,
            LocalDateTime now) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        range(problems, "temperatureCelsius", temperature, 30, 44, true, "Enter the temperature in °C, 30 to 44.");
        range(problems, "capillaryGlucoseMmolPerL", glucose, 0.5, 60, required.glucose(),
                "Enter the capillary glucose in mmol/L, 0.5 to 60" + (required.glucose() ? " (the patient has diabetes)." : "."));
        range(problems, "systolicMmHg", systolic == null ? null : systolic.doubleValue(), 50, 300, true,
                "Enter the systolic blood pressure in mmHg, 50 to 300.");
        range(problems, "diastolicMmHg", diastolic == null ? null : diastolic.doubleValue(), 20, 200, true,
                "Enter the diastolic blood pressure in mmHg, 20 to 200.");
        range(problems, "inr", inr, 0.5, 15, required.inr(),
                "Enter the INR, 0.5 to 15" + (required.inr() ? " (the patient takes a vitamin K antagonist)." : "."));
        if (inr != null && inrTakenAt == null) {
            problems.add(new InvalidInputException.FieldProblem("inrTakenAt", "Enter when the INR was taken."));
        }
        if (inrTakenAt != null && inrTakenAt.isAfter(now)) {
            problems.add(new InvalidInputException.FieldProblem("inrTakenAt", "The INR cannot have been taken in the future."));
        }
        if (inr == null && inrTakenAt != null) {
            problems.add(new InvalidInputException.FieldProblem("inr", "Enter the INR taken at that time, or clear the time."));
        }
        answered(problems, "targetHot", hot, "hot");
        answered(problems, "targetSwollen", swollen, "swollen");
        answered(problems, "targetRed", red, "red");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void range(List<InvalidInputException.FieldProblem> problems, String field, Double value, double min,
            double max, boolean required, String message) {
        if ((value == null && required) || (value != null && (value < min || value > max || value.isNaN()))) {
            problems.add(new InvalidInputException.FieldProblem(field, message));
        }
    }

    private static void answered(List<InvalidInputException.FieldProblem> problems, String field, YesNoUnknown value,
            String sign) {
        if (value == null) {
            problems.add(new InvalidInputException.FieldProblem(field, "Say whether the target is " + sign
                    + ": yes, no or not known."));
        }
    }

    /** The engine's view of these observations, at the local time they were taken. */
    PatientFacts.DayObservations forEngine(ZoneId zone) {
        return new PatientFacts.DayObservations(LocalDateTime.ofInstant(measuredAt, zone), temperatureCelsius,
                capillaryGlucoseMmolPerL, systolicMmHg, diastolicMmHg, targetHot, targetSwollen, targetRed);
    }

    /** The day's INR for the engine (which then reads it as the latest), or null when none was taken. */
    PatientFacts.InrResult inrForEngine(ZoneId zone) {
        return inr == null ? null : new PatientFacts.InrResult(inr, LocalDate.ofInstant(inrMeasuredAt, zone));
    }

    /** One line for the record and the report: "36.6 °C; glucose 7.2 mmol/L; BP 130/80 mmHg; target hot no, …". */
    public String summary(ZoneId zone) {
        return summary(zone, recordedBy);
    }

    /** As {@link #summary(ZoneId)}, naming who measured as {@code measuredBy} (their full name on a report). */
    public String summary(ZoneId zone, String measuredBy) {
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        List<String> parts = new ArrayList<>();
        parts.add(temperatureCelsius == null ? "temperature not taken" : temperatureCelsius + " °C");
        if (capillaryGlucoseMmolPerL != null) {
            parts.add("capillary glucose " + capillaryGlucoseMmolPerL + " mmol/L");
        }
        parts.add("BP " + systolicMmHg + "/" + diastolicMmHg + " mmHg");
        if (inr != null) {
            parts.add("INR " + inr + " taken " + java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm")
                    .format(inrMeasuredAt.atZone(zone)));
        }
        parts.add("target hot " + targetHot.label().toLowerCase() + ", swollen " + targetSwollen.label().toLowerCase()
                + ", red " + targetRed.label().toLowerCase());
        return String.join("; ", parts) + " (measured " + hhmm.format(measuredAt.atZone(zone)) + " by " + measuredBy + ")";
    }
}
