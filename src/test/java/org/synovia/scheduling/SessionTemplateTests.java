package org.synovia.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.synovia.shared.InvalidInputException;

class SessionTemplateTests {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private static SessionTemplate session(String start, String end, List<Integer> pattern) {
        return new SessionTemplate(null, DayOfWeek.MONDAY, LocalTime.parse(start), LocalTime.parse(end), UUID.randomUUID(),
                UUID.randomUUID(), pattern, false, MONDAY, null);
    }

    @Test
    void repeatsThePatternAndDropsASlotThatWouldRunPastTheEnd() {
        var slots = session("09:00", "12:00", List.of(20, 20, 45)).slotsOn(MONDAY);

        assertThat(slots).extracting(s -> s.start().toLocalTime().toString())
                .containsExactly("09:00", "09:20", "09:40", "10:25", "10:45", "11:05");
        assertThat(slots).extracting(SessionTemplate.PlannedSlot::minutes).containsExactly(20, 20, 45, 20, 20, 45);
    }

    @Test
    void fillsTheSessionExactlyWhenTheLengthsAddUp() {
        assertThat(session("13:30", "17:00", List.of(30)).slotsOn(MONDAY)).hasSize(7);
    }

    @Test
    void runsOnlyOnItsWeekdayWithinItsDates() {
        SessionTemplate t = new SessionTemplate(null, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0),
                UUID.randomUUID(), UUID.randomUUID(), List.of(20), false, MONDAY, MONDAY.plusWeeks(1));

        assertThat(t.runsOn(MONDAY)).isTrue();
        assertThat(t.runsOn(MONDAY.plusDays(1))).isFalse();
        assertThat(t.runsOn(MONDAY.plusWeeks(1))).isTrue();
        assertThat(t.runsOn(MONDAY.plusWeeks(2))).isFalse();
        assertThat(t.runsOn(MONDAY.minusWeeks(1))).isFalse();
    }

    @Test
    void detectsOverlapOnTheSameWeekdayOnly() {
        SessionTemplate morning = session("09:00", "12:00", List.of(20));

        assertThat(morning.overlaps(session("11:30", "13:00", List.of(20)))).isTrue();
        assertThat(morning.overlaps(session("12:00", "13:00", List.of(20)))).isFalse();
        assertThat(morning.overlaps(new SessionTemplate(null, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0),
                UUID.randomUUID(), UUID.randomUUID(), List.of(20), false, MONDAY, null))).isFalse();
    }

    @Test
    void namesEachFieldThatIsWrong() {
        assertThatThrownBy(() -> new SessionTemplate(null, null, LocalTime.of(12, 0), LocalTime.of(9, 0), null, null,
                List.of(2), false, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactlyInAnyOrder("weekday", "end", "roomId", "operatorId", "slotPattern", "validFrom"));
        assertThatThrownBy(() -> SessionTemplate.parsePattern("20, twenty"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().field()).isEqualTo("slotPattern"));
    }

    @Test
    void letsAConsultantTakeAnyListAndOthersTheirOwnGrade() {
        assertThat(OperatorGrade.CONSULTANT.satisfies("SPECIALTY_REGISTRAR")).isTrue();
        assertThat(OperatorGrade.SONOGRAPHER.satisfies("SONOGRAPHER")).isTrue();
        assertThat(OperatorGrade.SONOGRAPHER.satisfies("CONSULTANT")).isFalse();
        assertThat(OperatorGrade.SPECIALTY_REGISTRAR.satisfies(null)).isTrue();
    }
}
