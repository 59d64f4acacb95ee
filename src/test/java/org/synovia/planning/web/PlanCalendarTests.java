package org.synovia.planning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.synovia.planning.Plans.ProposedBooking;
import org.synovia.waitinglist.Priority;

class PlanCalendarTests {

    private static final LocalDate MONDAY = LocalDate.of(2027, 2, 22);

    private static ProposedBooking at(LocalDateTime start, String room, String patient) {
        return new ProposedBooking(UUID.randomUUID(), UUID.randomUUID(), patient, "Knee joint (right)", Priority.ROUTINE,
                MONDAY.plusWeeks(10), UUID.randomUUID(), start, UUID.randomUUID(), room, "Dr A", false, "reason", null);
    }

    @Test
    void laysOutEachWeekByRoomWithWeekdaysAndOnlyTheWeekendDaysThatHaveSomething() {
        List<ProposedBooking> placements = List.of(
                at(MONDAY.atTime(9, 0), "Room B", "BROWN, Ann"),
                at(MONDAY.plusDays(2).atTime(10, 0), "Room A", "ADAMS, Bob"),
                at(MONDAY.plusDays(12).atTime(9, 20), "Room A", "CLARK, Cy"));

        List<PlanSessionsController.CalendarWeek> weeks = PlanSessionsController.calendar(placements, MONDAY,
                MONDAY.plusWeeks(2).minusDays(1));

        assertThat(weeks).extracting(PlanSessionsController.CalendarWeek::monday).containsExactly(MONDAY, MONDAY.plusWeeks(1));
        assertThat(weeks.get(0).days()).hasSize(5).startsWith(MONDAY);
        assertThat(weeks.get(0).rows()).extracting(PlanSessionsController.CalendarRow::room).containsExactly("Room A", "Room B");
        assertThat(weeks.get(0).rows().get(0).cells().get(2)).extracting(ProposedBooking::patientName).containsExactly("ADAMS, Bob");
        assertThat(weeks.get(0).rows().get(1).cells().get(0)).extracting(ProposedBooking::patientName).containsExactly("BROWN, Ann");
        assertThat(weeks.get(1).days()).as("the Saturday with a placement is shown").hasSize(6)
                .contains(MONDAY.plusDays(12));
        assertThat(weeks.get(1).rows()).singleElement().satisfies(r -> assertThat(r.cells().get(5))
                .extracting(ProposedBooking::patientName).containsExactly("CLARK, Cy"));
    }
}
