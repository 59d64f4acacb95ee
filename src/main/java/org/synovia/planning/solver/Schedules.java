package org.synovia.planning.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.synovia.planning.OpenSlot;
import org.synovia.planning.PlanningProblem;
import org.synovia.planning.WaitingPatient;

/** Turns a planning problem into the optimiser's working copy, with each patient's allowed slots worked out once. */
public final class Schedules {

    private Schedules() {
    }

    /** The last day with a planned slot; the day itself when there are no slots. */
    public static LocalDate horizonEnd(PlanningProblem problem) {
        return problem.slots().stream().map(HardRules::day).max(Comparator.naturalOrder()).orElse(problem.today());
    }

    /** Slots in time order, then by room name, so every planner walks them alike. */
    public static List<OpenSlot> slotsInOrder(List<OpenSlot> slots) {
        return slots.stream()
                .sorted(Comparator.comparing(OpenSlot::start).thenComparing(OpenSlot::roomName)
                        .thenComparing(OpenSlot::slotId))
                .toList();
    }

    public static WaitingListSchedule unplanned(PlanningProblem problem) {
        HardRules rules = new HardRules(problem.slots());
        LocalDate horizonEnd = horizonEnd(problem);
        List<OpenSlot> slots = slotsInOrder(problem.slots());
        List<PatientAssignment> assignments = new ArrayList<>(problem.patients().size());
        int id = 0;
        for (WaitingPatient patient : problem.patients()) {
            List<OpenSlot> allowed = slots.stream().filter(slot -> rules.allows(patient, slot)).toList();
            assignments.add(new PatientAssignment(id++, patient, allowed, rules, horizonEnd));
        }
        return new WaitingListSchedule(horizonEnd, slots, assignments);
    }
}
