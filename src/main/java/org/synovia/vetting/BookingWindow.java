package org.synovia.vetting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.synovia.safety.Finding;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.PlanAction;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.Severity;

/**
 * The earliest day a patient can safely be booked, found by asking the safety engine itself day by day
 * rather than copying its rules: a day is possible when it raises no STOP beyond those a radiologist has
 * already overridden (a repeat injection too soon, a vaccination too close) and leaves the patient
 * enough notice to take the last dose of a blood thinner as planned.
 */
final class BookingWindow {

    /** Days looked ahead; beyond this the entry waits without an earliest date and the finding says why. */
    static final int HORIZON_DAYS = 180;
    /** Procedures are checked at a morning start; the list's day is what matters here. */
    static final LocalTime CHECK_TIME = LocalTime.of(9, 0);

    record Earliest(LocalDate date, List<String> reasons) {
    }

    private BookingWindow() {
    }

    /**
     * @param assessOn the engine's answer for a procedure starting at the given time
     * @param overridden STOP rule ids a radiologist has overridden with a reason
     * @param noticeDays the patient must be able to take the last dose before stopping at least this many
     *        days from today (they need the letter first)
     */
    static Earliest earliest(Function<LocalDateTime, SafetyAssessment> assessOn, LocalDate today, Set<String> overridden,
            int noticeDays) {
        LocalDateTime notified = today.plusDays(noticeDays).atStartOfDay();
        SafetyAssessment tomorrow = assessOn.apply(today.plusDays(1).atTime(CHECK_TIME));
        for (int day = 1; day <= HORIZON_DAYS; day++) {
            LocalDate candidate = today.plusDays(day);
            SafetyAssessment assessment = day == 1 ? tomorrow : assessOn.apply(candidate.atTime(CHECK_TIME));
            if (blockingStops(assessment, overridden).isEmpty() && holdsStartAfter(assessment, notified)) {
                return new Earliest(candidate, day == 1 ? List.of() : reasons(tomorrow, candidate, overridden, notified));
            }
        }
        return new Earliest(null, List.of("No day in the next " + HORIZON_DAYS + " days passes the safety checks: "
                + blockingStops(tomorrow, overridden).stream().map(Finding::message).collect(Collectors.joining(" "))));
    }

    /**
     * Why a procedure at the assessed start may not be booked: each STOP not overridden, and each blood
     * thinner whose last dose would fall before the patient can have been told ({@code notified}).
     */
    static List<String> problems(SafetyAssessment assessment, Set<String> overridden, LocalDateTime notified) {
        List<String> problems = new ArrayList<>();
        for (Finding stop : blockingStops(assessment, overridden)) {
            problems.add(stop.message() + " (" + stop.ruleId() + ")");
        }
        for (MedicationPlan plan : assessment.medicationPlans()) {
            if (plan.action() == PlanAction.HOLD && plan.lastDose() != null && plan.lastDose().isBefore(notified)) {
                problems.add("Too soon to stop " + plan.medicine() + ": the last dose would be " + plan.lastDose().toLocalDate()
                        + " " + plan.lastDose().toLocalTime() + ", before the patient can be told (" + plan.ruleId() + ").");
            }
        }
        return problems;
    }

    static List<Finding> blockingStops(SafetyAssessment assessment, Set<String> overridden) {
        return assessment.findings().stream().filter(f -> f.severity() == Severity.STOP)
                .filter(f -> !overridden.contains(f.ruleId())).toList();
    }

    private static boolean holdsStartAfter(SafetyAssessment assessment, LocalDateTime notified) {
        return assessment.medicationPlans().stream().filter(p -> p.action() == PlanAction.HOLD && p.lastDose() != null)
                .allMatch(p -> !p.lastDose().isBefore(notified));
    }

    /** Why the days before {@code earliest} were not possible, in the engine's own words. */
    private static List<String> reasons(SafetyAssessment tooSoon, LocalDate earliest, Set<String> overridden,
            LocalDateTime notified) {
        List<String> reasons = new ArrayList<>();
        for (Finding stop : blockingStops(tooSoon, overridden)) {
            reasons.add("Not before " + earliest + ": " + stop.message() + " (" + stop.ruleId() + "; facts "
                    + String.join(", ", stop.factRows()) + ")");
        }
        for (MedicationPlan plan : tooSoon.medicationPlans()) {
            if (plan.action() == PlanAction.HOLD && plan.lastDose() != null && plan.lastDose().isBefore(notified)) {
                reasons.add("Not before " + earliest + ": the patient needs notice to stop " + plan.medicine()
                        + " as planned (" + plan.ruleId() + ").");
            }
        }
        return reasons;
    }
}
