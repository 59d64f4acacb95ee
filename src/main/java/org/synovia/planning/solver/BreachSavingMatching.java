package org.synovia.planning.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.synovia.planning.OpenSlot;

/**
 * Gives slots first to the set of patients whose seeing in time is worth most: a patient can be saved from a breach by
 * any allowed slot on or before their breach date, and the sets of patients that can all be saved at once form a
 * transversal matroid, so taking patients by breach weight (urgent, soon, routine) and keeping each one for whom an
 * augmenting path still exists gives the largest weighted number of breaches saved (ADR 0056). A one-stop patient
 * is matched to the consultation slot; their two slots are not a plain matching, so afterwards whoever was matched
 * to the injection slot after it is moved elsewhere if a path exists, and otherwise the lighter of the two loses.
 */
public final class BreachSavingMatching {

    private final List<PatientAssignment> patients;
    private final int[][] edges;
    private final int[] slotOwner;
    private final int[] visitedStamp;
    private final boolean[] blocked;
    private final OpenSlot[] slots;
    private int stamp = 1;

    private BreachSavingMatching(List<PatientAssignment> savable, List<OpenSlot> allSlots) {
        patients = savable;
        slots = allSlots.toArray(OpenSlot[]::new);
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < slots.length; i++) {
            index.put(slots[i].slotId(), i);
        }
        edges = new int[savable.size()][];
        for (int p = 0; p < savable.size(); p++) {
            PatientAssignment assignment = savable.get(p);
            edges[p] = assignment.getAllowedSlots().stream()
                    .takeWhile(slot -> !HardRules.day(slot).isAfter(assignment.getPatient().breachDate()))
                    .mapToInt(slot -> index.get(slot.slotId()))
                    .toArray();
        }
        slotOwner = new int[slots.length];
        Arrays.fill(slotOwner, -1);
        visitedStamp = new int[slots.length];
        blocked = new boolean[slots.length];
        followingIndex = new int[slots.length];
        Arrays.fill(followingIndex, -1);
        for (int i = 0; i < slots.length; i++) {
            Integer following = slots[i].followingSlotId() == null ? null : index.get(slots[i].followingSlotId());
            if (following != null) {
                followingIndex[i] = following;
            }
        }
    }

    private final int[] followingIndex;

    /**
     * Assigns the saved patients their matched slots; everyone else is left as they were (unplaced). The matching is
     * made with and without one-stop patients and the one saving more weight is kept: breaking up a one-stop pair's
     * injection slot can cost more than the one-stop patient saves.
     */
    static void assign(WaitingListSchedule schedule) {
        List<PatientAssignment> atStake = schedule.getAssignments().stream()
                .filter(a -> a.getSlot() == null && a.breachAtStake())
                .toList();
        BreachSavingMatching withOneStop = match(atStake, schedule.getSlots());
        BreachSavingMatching withoutOneStop = match(
                atStake.stream().filter(a -> !a.getPatient().oneStop()).toList(), schedule.getSlots());
        BreachSavingMatching better = withOneStop.savedWeight() >= withoutOneStop.savedWeight() ? withOneStop
                : withoutOneStop;
        for (int s = 0; s < better.slots.length; s++) {
            if (better.slotOwner[s] >= 0 && !better.blocked[s]) {
                better.patients.get(better.slotOwner[s]).setSlot(better.slots[s]);
            }
        }
    }

    /**
     * The most patients any plan can save from a breach, counting each the same and letting a one-stop patient need
     * only one slot: a relaxation, so breaches-if-unplaced minus this is a lower bound on any plan's breaches. Used by
     * the benchmark to show how far a plan is from the best possible.
     */
    public static int mostSaveable(WaitingListSchedule schedule) {
        List<PatientAssignment> atStake = schedule.getAssignments().stream()
                .filter(PatientAssignment::breachAtStake).toList();
        BreachSavingMatching matching = new BreachSavingMatching(atStake, schedule.getSlots());
        int saved = 0;
        for (int p = 0; p < atStake.size(); p++) {
            if (matching.augment(p)) {
                matching.stamp++;
                saved++;
            }
        }
        return saved;
    }

    private static BreachSavingMatching match(List<PatientAssignment> atStake, List<OpenSlot> slots) {
        List<PatientAssignment> byWeight = new ArrayList<>(atStake);
        byWeight.sort(Comparator
                .comparingLong((PatientAssignment a) -> -SoftCosts.breachWeight(a.getPatient().priority()))
                .thenComparing(a -> a.getPatient().breachDate())
                .thenComparingInt(PatientAssignment::getId));
        BreachSavingMatching matching = new BreachSavingMatching(byWeight, slots);
        for (int p = 0; p < byWeight.size(); p++) {
            if (matching.augment(p)) {
                matching.stamp++;
            }
        }
        matching.keepOneStopPairsTogether();
        return matching;
    }

    private long savedWeight() {
        long saved = 0;
        for (int s = 0; s < slots.length; s++) {
            if (slotOwner[s] >= 0 && !blocked[s]) {
                saved += weight(slotOwner[s]);
            }
        }
        return saved;
    }

    private void keepOneStopPairsTogether() {
        for (int s = 0; s < slots.length; s++) {
            int owner = slotOwner[s];
            if (owner < 0 || !patients.get(owner).getPatient().oneStop() || followingIndex[s] < 0) {
                continue;
            }
            int following = followingIndex[s];
            int other = slotOwner[following];
            blocked[following] = true;
            if (other < 0) {
                continue;
            }
            slotOwner[following] = -1;
            stamp++;
            if (augment(other)) {
                continue;
            }
            if (weight(other) > weight(owner)) {
                // The patient in the injection slot weighs more: the one-stop patient gives way.
                slotOwner[s] = -1;
                blocked[following] = false;
                slotOwner[following] = other;
            }
        }
        stamp++;
    }

    private long weight(int p) {
        return SoftCosts.breachWeight(patients.get(p).getPatient().priority());
    }

    /**
     * Kuhn's augmenting path from patient {@code p}. Slots seen in a failed search cannot reach a free slot until the
     * matching changes, so their marks are kept until a search succeeds.
     */
    private boolean augment(int p) {
        for (int s : edges[p]) {
            if (visitedStamp[s] == stamp || blocked[s]) {
                continue;
            }
            visitedStamp[s] = stamp;
            if (slotOwner[s] < 0 || augment(slotOwner[s])) {
                slotOwner[s] = p;
                return true;
            }
        }
        return false;
    }
}
