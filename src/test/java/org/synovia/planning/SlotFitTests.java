package org.synovia.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.shared.Guidance;
import org.synovia.waitinglist.Priority;

class SlotFitTests {

    private static final LocalDate DAY = LocalDate.of(2027, 2, 24);
    private static final UUID OPERATOR = UUID.randomUUID();

    private static OpenSlot slot(OperatorGrade grade, int minutes, Set<String> sites, boolean oneStop, UUID following) {
        return new OpenSlot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Room 1", Set.of(Guidance.ULTRASOUND),
                OPERATOR, "Dr A", grade, Set.of(Guidance.ULTRASOUND), sites, DAY.atTime(9, 0), minutes, oneStop, following);
    }

    private static WaitingPatient patient(String grade, UUID named, int minutes, LocalDate earliest, LocalDate latest,
            LocalDate awayFrom, boolean oneStop) {
        return new WaitingPatient(UUID.randomUUID(), UUID.randomUUID(), "TEST, Pat", "Knee joint", Guidance.ULTRASOUND,
                Set.of("KNEE_JOINT"), grade, named, minutes, Priority.ROUTINE, DAY.minusWeeks(4), DAY.plusWeeks(14),
                earliest, latest, awayFrom, awayFrom, oneStop, null);
    }

    private static final PlanningProblem PROBLEM = new PlanningProblem(DAY.minusDays(7), ZoneId.of("Europe/London"),
            List.of(), List.of());

    @Test
    void suitsWhenGuidanceCompetenceGradeLengthAndDatesAllFit() {
        assertThat(SlotFit.suits(patient("SONOGRAPHER", null, 20, DAY, null, null, false),
                slot(OperatorGrade.CONSULTANT, 20, Set.of(), false, null), PROBLEM)).isTrue();
    }

    @Test
    void refusesEachReasonOnItsOwn() {
        OpenSlot consultant = slot(OperatorGrade.CONSULTANT, 20, Set.of(), false, null);
        assertThat(SlotFit.suits(patient(null, null, 30, DAY, null, null, false), consultant, PROBLEM)).as("too short").isFalse();
        assertThat(SlotFit.suits(patient(null, null, 20, DAY.plusDays(1), null, null, false), consultant, PROBLEM))
                .as("before the earliest day").isFalse();
        assertThat(SlotFit.suits(patient(null, null, 20, DAY.minusDays(9), DAY.minusDays(1), null, false), consultant, PROBLEM))
                .as("after the latest day").isFalse();
        assertThat(SlotFit.suits(patient(null, null, 20, DAY.minusDays(9), null, DAY, false), consultant, PROBLEM))
                .as("away that day").isFalse();
        assertThat(SlotFit.suits(patient(null, UUID.randomUUID(), 20, DAY, null, null, false), consultant, PROBLEM))
                .as("another operator named").isFalse();
        assertThat(SlotFit.suits(patient("CONSULTANT", null, 20, DAY, null, null, false),
                slot(OperatorGrade.SONOGRAPHER, 20, Set.of(), false, null), PROBLEM)).as("grade too low").isFalse();
        assertThat(SlotFit.suits(patient(null, null, 20, DAY, null, null, false),
                slot(OperatorGrade.CONSULTANT, 20, Set.of("SHOULDER_GH"), false, null), PROBLEM))
                .as("operator not competent for the site").isFalse();
        assertThat(SlotFit.suits(patient(null, null, 20, DAY, null, null, true),
                slot(OperatorGrade.CONSULTANT, 20, Set.of(), true, null), PROBLEM))
                .as("one-stop without a following slot").isFalse();
        assertThat(SlotFit.suits(patient(null, OPERATOR, 20, DAY, null, null, true),
                slot(OperatorGrade.CONSULTANT, 20, Set.of(), true, UUID.randomUUID()), PROBLEM))
                .as("named operator, one-stop with its following slot").isTrue();
    }
}
