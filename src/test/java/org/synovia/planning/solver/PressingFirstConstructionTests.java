package org.synovia.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.planning.PlanningFixtures.patient;
import static org.synovia.planning.PlanningFixtures.problem;
import static org.synovia.planning.PlanningFixtures.slot;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.synovia.planning.OpenSlot;
import org.synovia.planning.WaitingPatient;
import org.synovia.waitinglist.Priority;

/** The first plan the search starts from saves every breach a matching can save, before filling the rest. */
class PressingFirstConstructionTests {

    private static final LocalDateTime MONDAY_18_JAN = LocalDateTime.of(2027, 1, 18, 9, 0);
    private static final LocalDateTime MONDAY_25_JAN = LocalDateTime.of(2027, 1, 25, 9, 0);

    private final OpenSlot first = slot("Mon 18", MONDAY_18_JAN).build();
    private final OpenSlot second = slot("Mon 25", MONDAY_25_JAN).build();

    @Test
    void movesAHeavierPatientToALaterSlotSoALighterOneAlsoMakesTheirDate() {
        // Taken by weight alone, the urgent patient would have the 18th and the soon patient would breach on the 19th.
        WaitingPatient urgentBy25 = patient("Urgent by 25").priority(Priority.URGENT)
                .waitingSince(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 25)).build();
        WaitingPatient soonBy19 = patient("Soon by 19").priority(Priority.SOON)
                .waitingSince(LocalDate.of(2026, 12, 8), LocalDate.of(2027, 1, 19)).build();
        WaitingPatient routine = patient("Routine").build();
        WaitingListSchedule schedule = Schedules.unplanned(problem(List.of(first, second), List.of(urgentBy25, routine,
                soonBy19)));

        PressingFirstConstruction.construct(schedule);

        Map<String, OpenSlot> slots = schedule.getAssignments().stream().filter(a -> a.getSlot() != null)
                .collect(Collectors.toMap(a -> a.getPatient().patientName(), PatientAssignment::getSlot));
        assertThat(slots).containsOnly(Map.entry("Urgent by 25", second), Map.entry("Soon by 19", first));
        assertThat(schedule.getAssignments()).noneMatch(PatientAssignment::breaches);
    }

    @Test
    void keepsTheInjectionSlotOfAOneStopPairFree() {
        OpenSlot injection = slot("Injection", MONDAY_18_JAN.plusMinutes(20)).build();
        OpenSlot consultation = slot("Consultation", MONDAY_18_JAN).oneStopWith(injection).build();
        WaitingPatient oneStopUrgent = patient("One-stop").oneStop().minutes(40).priority(Priority.URGENT)
                .waitingSince(LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 19)).build();
        WaitingPatient routineBy19 = patient("Routine by 19")
                .waitingSince(LocalDate.of(2026, 9, 15), LocalDate.of(2027, 1, 19)).build();
        WaitingListSchedule schedule = Schedules.unplanned(problem(List.of(consultation, injection, second),
                List.of(routineBy19, oneStopUrgent)));

        PressingFirstConstruction.construct(schedule);

        Map<String, OpenSlot> slots = schedule.getAssignments().stream().filter(a -> a.getSlot() != null)
                .collect(Collectors.toMap(a -> a.getPatient().patientName(), PatientAssignment::getSlot));
        assertThat(slots).containsEntry("One-stop", consultation).doesNotContainValue(injection);
        assertThat(slots).containsEntry("Routine by 19", second);
    }
}
