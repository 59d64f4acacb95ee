package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.Slot;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

class WeekCalendarTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The week in which the clocks go back in London (Sunday 31 October 2027, 02:00 BST becomes 01:00 GMT). */
    private static final LocalDate MONDAY = LocalDate.of(2027, 10, 25);
    private static final Room ROOM = new Room(UUID.randomUUID(), "Room 1", "Level 2", Set.of(Guidance.ULTRASOUND));
    private static final Instant NOW = Instant.parse("2027-10-20T09:00:00Z");
    private static final UUID TEMPLATE = UUID.randomUUID();

    @Test
    void placesSlotsOnTheirLocalDayAtTheirWallClockTimeAcrossTheAutumnClockChange() {
        Slot saturday = slot(Instant.parse("2027-10-30T08:10:00Z"), null);
        Slot sunday = slot(Instant.parse("2027-10-31T09:10:00Z"), null);
        // 23:30 GMT on Sunday is still Sunday in London; 23:30 BST on Saturday is 22:30 UTC.
        Slot lateSaturday = slot(Instant.parse("2027-10-30T22:30:00Z"), null);

        WeekCalendar week = WeekCalendar.of(MONDAY, LONDON, List.of(ROOM), List.of(saturday, lateSaturday, sunday), List.of(),
                Set.of(), NOW);

        List<List<WeekCalendar.Cell>> days = week.rooms().getFirst().days();
        assertThat(week.days()).hasSize(7).startsWith(MONDAY).endsWith(MONDAY.plusDays(6));
        assertThat(days.get(5)).extracting(WeekCalendar.Cell::start).containsExactly(LocalTime.of(9, 10), LocalTime.of(23, 30));
        assertThat(days.get(6)).extracting(WeekCalendar.Cell::start).containsExactly(LocalTime.of(9, 10));
        assertThat(days.get(6)).extracting(WeekCalendar.Cell::state).containsExactly(WeekCalendar.State.FREE);
    }

    @Test
    void marksEachSlotBookedHeldWithdrawnPastOrFree() {
        Slot past = slot(Instant.parse("2027-10-19T09:00:00Z"), null);
        Slot booked = slot(Instant.parse("2027-10-25T09:00:00Z"), null);
        Slot held = slot(Instant.parse("2027-10-25T09:20:00Z"), null);
        Slot withdrawn = slot(Instant.parse("2027-10-26T09:00:00Z"), "operator on leave");
        Slot free = slot(Instant.parse("2027-10-27T09:00:00Z"), null);
        BookedProcedure appointment = new BookedProcedure(UUID.randomUUID(), UUID.randomUUID(), booked.start(), ROOM.id(),
                ROOM.name(), "Dr Operator", Guidance.ULTRASOUND, "KNEE", "Knee joint", Laterality.LEFT, "Dr Referrer",
                "TESTPERSON", "Alex", null, null, LocalDate.of(1970, 3, 14), Sex.FEMALE);

        WeekCalendar week = WeekCalendar.of(MONDAY.minusWeeks(1), LONDON, List.of(ROOM), List.of(past), List.of(), Set.of(),
                NOW);
        assertThat(week.rooms().getFirst().days().get(1)).extracting(WeekCalendar.Cell::state)
                .containsExactly(WeekCalendar.State.PAST);

        week = WeekCalendar.of(MONDAY, LONDON, List.of(ROOM), List.of(booked, held, withdrawn, free), List.of(appointment),
                Set.of(booked.id(), held.id()), NOW);
        List<List<WeekCalendar.Cell>> days = week.rooms().getFirst().days();
        assertThat(days.get(0)).extracting(WeekCalendar.Cell::state)
                .containsExactly(WeekCalendar.State.BOOKED, WeekCalendar.State.HELD);
        assertThat(days.get(0).getFirst().booked()).isEqualTo(appointment);
        assertThat(days.get(1)).extracting(WeekCalendar.Cell::state).containsExactly(WeekCalendar.State.WITHDRAWN);
        assertThat(days.get(2)).extracting(WeekCalendar.Cell::state).containsExactly(WeekCalendar.State.FREE);
        assertThat(week.rooms().getFirst().sessionsOn(0)).hasSize(1);
        assertThat(week.previousWeek()).isEqualTo(MONDAY.minusWeeks(1));
        assertThat(week.nextWeek()).isEqualTo(MONDAY.plusWeeks(1));
    }

    private static Slot slot(Instant start, String withdrawn) {
        return new Slot(UUID.randomUUID(), TEMPLATE, start, start.plusSeconds(1200), false, ROOM.id(), ROOM.name(),
                ROOM.location(), ROOM.guidance(), UUID.randomUUID(), "operator", "Dr Operator", OperatorGrade.CONSULTANT,
                withdrawn);
    }
}
