package org.synovia.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

/**
 * A session that recurs weekly: day, times, room, operator and the pattern of slot lengths, repeated
 * from the start until the next slot would run past the end (pattern 20,20,45 in a 09:00–12:00 session
 * gives 09:00, 09:20, 09:40, 10:25, 10:45, 11:05 and 11:50 is dropped because it would end at 12:10).
 *
 * @param validTo the last day the session runs, or null while it runs on
 * @param oneStop an assessment clinic where an ultrasound-guided or landmark injection can follow in the same visit
 */
public record SessionTemplate(UUID id, DayOfWeek weekday, LocalTime start, LocalTime end, UUID roomId, UUID operatorId,
        List<Integer> slotPattern, boolean oneStop, LocalDate validFrom, LocalDate validTo) {

    static final int MIN_SLOT_MINUTES = 5;
    static final int MAX_SLOT_MINUTES = 240;

    public SessionTemplate {
        List<FieldProblem> problems = new ArrayList<>();
        if (weekday == null) {
            problems.add(new FieldProblem("weekday", "Choose the day of the week."));
        }
        if (start == null || end == null || !end.isAfter(start)) {
            problems.add(new FieldProblem("end", "The session must end after it starts."));
        }
        if (roomId == null) {
            problems.add(new FieldProblem("roomId", "Choose the room."));
        }
        if (operatorId == null) {
            problems.add(new FieldProblem("operatorId", "Choose the operator."));
        }
        if (slotPattern == null || slotPattern.isEmpty()
                || slotPattern.stream().anyMatch(m -> m == null || m < MIN_SLOT_MINUTES || m > MAX_SLOT_MINUTES)) {
            problems.add(new FieldProblem("slotPattern", "Give slot lengths in minutes between " + MIN_SLOT_MINUTES
                    + " and " + MAX_SLOT_MINUTES + ", separated by commas (e.g. 20 or 20,20,45)."));
        }
        else if (start != null && end != null && end.isAfter(start)
                && Duration.between(start, end).toMinutes() < slotPattern.getFirst()) {
            problems.add(new FieldProblem("slotPattern", "The first slot is longer than the session."));
        }
        if (validFrom == null) {
            problems.add(new FieldProblem("validFrom", "Give the first day the session runs."));
        }
        else if (validTo != null && validTo.isBefore(validFrom)) {
            problems.add(new FieldProblem("validTo", "The last day cannot be before the first."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        slotPattern = List.copyOf(slotPattern);
    }

    /** Reads "20, 20,45" as slot lengths; a problem names the field when it is not a list of numbers. */
    public static List<Integer> parsePattern(String text) {
        List<Integer> minutes = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return minutes;
        }
        for (String part : text.split(",")) {
            try {
                minutes.add(Integer.parseInt(part.strip()));
            }
            catch (NumberFormatException e) {
                throw new InvalidInputException("slotPattern", "Write slot lengths as whole minutes separated by commas (e.g. 20,20,45).");
            }
        }
        return minutes;
    }

    public boolean runsOn(LocalDate day) {
        return day.getDayOfWeek() == weekday && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether two sessions on the same weekday overlap in time (same room or operator is a conflict). */
    public boolean overlaps(SessionTemplate other) {
        boolean datesOverlap = (validTo == null || !other.validFrom.isAfter(validTo))
                && (other.validTo == null || !validFrom.isAfter(other.validTo));
        return weekday == other.weekday && datesOverlap && start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The slots of this session on one day, as local start time and length. */
    public List<PlannedSlot> slotsOn(LocalDate day) {
        List<PlannedSlot> slots = new ArrayList<>();
        LocalDateTime at = day.atTime(start);
        LocalDateTime until = day.atTime(end);
        for (int i = 0; ; i++) {
            int minutes = slotPattern.get(i % slotPattern.size());
            LocalDateTime next = at.plusMinutes(minutes);
            if (next.isAfter(until)) {
                return slots;
            }
            slots.add(new PlannedSlot(at, minutes));
            at = next;
        }
    }

    public String patternText() {
        return String.join(",", slotPattern.stream().map(String::valueOf).toList());
    }

    public record PlannedSlot(LocalDateTime start, int minutes) {
    }
}
