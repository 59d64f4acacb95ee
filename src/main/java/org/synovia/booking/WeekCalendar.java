package org.synovia.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.synovia.scheduling.Room;
import org.synovia.scheduling.Slot;

/**
 * One week of slots by room, for the clerk: each room is a row, each day a column, each slot free, booked (with the
 * patient and the procedure), held as the second half of a one-stop visit, withdrawn, or already begun.
 *
 * @param monday the first day shown
 * @param days the seven days shown, Monday first
 */
public record WeekCalendar(LocalDate monday, List<LocalDate> days, List<RoomWeek> rooms) {

    public WeekCalendar {
        days = List.copyOf(days);
        rooms = List.copyOf(rooms);
    }

    /** What a slot is now. */
    public enum State { FREE, BOOKED, HELD, WITHDRAWN, PAST }

    /**
     * One slot in the calendar.
     *
     * @param start local start in the clinic's zone (a slot on the day the clocks change keeps its wall-clock time)
     * @param booked the appointment starting in this slot, or null
     */
    public record Cell(Slot slot, LocalTime start, LocalTime end, State state, BookedProcedure booked) {
    }

    /** One room's week: seven lists of cells, Monday first, each earliest first. */
    public record RoomWeek(Room room, List<List<Cell>> days) {

        public boolean empty() {
            return days.stream().allMatch(List::isEmpty);
        }

        /** The weekly sessions with a slot on the day at this index (0 is Monday), earliest first. */
        public List<UUID> sessionsOn(int day) {
            return days.get(day).stream().map(c -> c.slot().templateId()).distinct().toList();
        }
    }

    public LocalDate previousWeek() {
        return monday.minusWeeks(1);
    }

    public LocalDate nextWeek() {
        return monday.plusWeeks(1);
    }

    /** The cells of one room's week, built from reads made once for the whole week. */
    static WeekCalendar of(LocalDate monday, ZoneId zone, List<Room> rooms, Collection<Slot> slots,
            Collection<BookedProcedure> booked, Set<UUID> taken, Instant now) {
        List<LocalDate> days = monday.datesUntil(monday.plusDays(7)).toList();
        Map<String, BookedProcedure> byRoomAndStart = booked.stream().collect(Collectors.toMap(
                b -> b.roomId() + "@" + b.start(), Function.identity(), (a, b) -> a));
        List<RoomWeek> weeks = new ArrayList<>();
        for (Room room : rooms) {
            List<List<Cell>> byDay = new ArrayList<>();
            for (LocalDate day : days) {
                byDay.add(slots.stream()
                        .filter(s -> s.roomId().equals(room.id()) && LocalDate.ofInstant(s.start(), zone).equals(day))
                        .map(s -> cell(s, zone, byRoomAndStart.get(s.roomId() + "@" + s.start()), taken, now)).toList());
            }
            weeks.add(new RoomWeek(room, byDay));
        }
        return new WeekCalendar(monday, days, weeks);
    }

    private static Cell cell(Slot slot, ZoneId zone, BookedProcedure booked, Set<UUID> taken, Instant now) {
        State state = booked != null ? State.BOOKED
                : taken.contains(slot.id()) ? State.HELD
                : slot.withdrawnReason() != null ? State.WITHDRAWN
                : !slot.start().isAfter(now) ? State.PAST
                : State.FREE;
        return new Cell(slot, LocalTime.ofInstant(slot.start(), zone), LocalTime.ofInstant(slot.end(), zone), state, booked);
    }
}
