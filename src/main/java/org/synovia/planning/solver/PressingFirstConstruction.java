package org.synovia.planning.solver;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.synovia.planning.OpenSlot;

/**
 * The first plan the search starts from: the most pressing patient first (those who can still be seen in time,
 * then by priority and breach date; see {@link PatientAssignment.MostPressingLast}), each into their earliest free
 * allowed slot. It is what the solver's own first-fit-decreasing construction chooses here, since an earlier day
 * always scores better, but costs one pass instead of one score calculation per patient and slot (ADR 0056).
 */
public final class PressingFirstConstruction {

    private PressingFirstConstruction() {
    }

    public static void construct(WaitingListSchedule schedule) {
        BreachSavingMatching.assign(schedule);
        fill(schedule.getAssignments().stream().sorted(new PatientAssignment.MostPressingLast().reversed()).toList());
    }

    /** Puts each assignment, in the order given, into its earliest allowed slot still free (with its following slot). */
    public static void fill(List<PatientAssignment> inOrder) {
        Set<UUID> taken = new HashSet<>();
        for (PatientAssignment assignment : inOrder) {
            if (assignment.getSlot() != null) {
                taken.add(assignment.getSlot().slotId());
                OpenSlot following = assignment.followingSlot();
                if (following != null) {
                    taken.add(following.slotId());
                }
            }
        }
        for (PatientAssignment assignment : inOrder) {
            if (assignment.getSlot() != null) {
                continue;
            }
            for (OpenSlot slot : assignment.getAllowedSlots()) {
                OpenSlot following = assignment.getRules().followingSlot(assignment.getPatient(), slot);
                if (!taken.contains(slot.slotId()) && (following == null || !taken.contains(following.slotId()))) {
                    assignment.setSlot(slot);
                    taken.add(slot.slotId());
                    if (following != null) {
                        taken.add(following.slotId());
                    }
                    break;
                }
            }
        }
    }
}
