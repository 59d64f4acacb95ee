package org.synovia.planning.solver;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.synovia.planning.OpenSlot;
import org.synovia.planning.WaitingPatient;
import org.synovia.scheduling.OperatorGrade;

/**
 * The hard rules of a plan for one patient and one slot, in one place: the optimiser's constraints, the per-patient
 * list of slots it may choose from, the greedy baseline, the freed-slot choice and the reasons for unplaced
 * patients all ask here, so they cannot disagree. For a one-stop patient the operator rules hold for both the
 * consultation slot and the injection slot after it.
 */
public final class HardRules {

    private final Map<UUID, OpenSlot> openSlotsById;

    public HardRules(Collection<OpenSlot> openSlots) {
        openSlotsById = new HashMap<>();
        openSlots.forEach(slot -> openSlotsById.put(slot.slotId(), slot));
    }

    /** The open slot straight after {@code slot}, which a one-stop patient also uses; null for anyone else. */
    public OpenSlot followingSlot(WaitingPatient patient, OpenSlot slot) {
        return patient.oneStop() && slot.followingSlotId() != null ? openSlotsById.get(slot.followingSlotId()) : null;
    }

    /** The room has the guidance and the operator is competent for it at every site of the session. */
    public boolean rightGuidance(WaitingPatient patient, OpenSlot slot) {
        return guidanceFits(patient, slot) && followingFits(patient, slot, this::guidanceFits);
    }

    /** The operator's grade satisfies the grade vetting asked for. */
    public boolean gradeAllowed(WaitingPatient patient, OpenSlot slot) {
        return gradeFits(patient, slot) && followingFits(patient, slot, HardRules::gradeFits);
    }

    /** When vetting named an operator, the slot is theirs. */
    public boolean namedOperatorKept(WaitingPatient patient, OpenSlot slot) {
        return namedOperatorFits(patient, slot) && followingFits(patient, slot, HardRules::namedOperatorFits);
    }

    /** The slot (with the following one for a one-stop patient) is at least as long as the protocol needs. */
    public boolean longEnough(WaitingPatient patient, OpenSlot slot) {
        OpenSlot following = followingSlot(patient, slot);
        int minutes = slot.minutes() + (following == null ? 0 : following.minutes());
        return minutes >= patient.minutes();
    }

    /** Not before the first day it is safe and allowed to inject. */
    public static boolean notBeforeEarliest(WaitingPatient patient, OpenSlot slot) {
        return patient.earliest() == null || !day(slot).isBefore(patient.earliest());
    }

    /** Not after the last day allowed. */
    public static boolean notAfterLatest(WaitingPatient patient, OpenSlot slot) {
        return patient.latest() == null || !day(slot).isAfter(patient.latest());
    }

    /** Not on a day the patient is away. */
    public static boolean notOnUnavailableDay(WaitingPatient patient, OpenSlot slot) {
        return !patient.awayOn(day(slot));
    }

    /** A one-stop patient needs a one-stop slot whose following slot is open too. */
    public boolean oneStopPairAvailable(WaitingPatient patient, OpenSlot slot) {
        return !patient.oneStop() || slot.oneStop() && followingSlot(patient, slot) != null;
    }

    /** Every rule that concerns this patient and this slot alone holds (slot sharing is checked by the plan). */
    public boolean allows(WaitingPatient patient, OpenSlot slot) {
        return oneStopPairAvailable(patient, slot) && notBeforeEarliest(patient, slot) && notAfterLatest(patient, slot)
                && notOnUnavailableDay(patient, slot) && rightGuidance(patient, slot) && gradeAllowed(patient, slot)
                && namedOperatorKept(patient, slot) && longEnough(patient, slot);
    }

    public static LocalDate day(OpenSlot slot) {
        return slot.start().toLocalDate();
    }

    private boolean guidanceFits(WaitingPatient patient, OpenSlot slot) {
        return slot.roomGuidance().contains(patient.guidance())
                && patient.siteCodes().stream().allMatch(site -> slot.operatorCompetentFor(patient.guidance(), site))
                && (!patient.siteCodes().isEmpty() || slot.operatorGuidance().contains(patient.guidance()));
    }

    private static boolean gradeFits(WaitingPatient patient, OpenSlot slot) {
        OperatorGrade grade = slot.operatorGrade();
        return grade != null ? grade.satisfies(patient.operatorGrade())
                : patient.operatorGrade() == null || patient.operatorGrade().isBlank();
    }

    private static boolean namedOperatorFits(WaitingPatient patient, OpenSlot slot) {
        return patient.namedOperatorId() == null || patient.namedOperatorId().equals(slot.operatorId());
    }

    private boolean followingFits(WaitingPatient patient, OpenSlot slot, SlotTest test) {
        OpenSlot following = followingSlot(patient, slot);
        return following == null || test.holds(patient, following);
    }

    @FunctionalInterface
    private interface SlotTest {
        boolean holds(WaitingPatient patient, OpenSlot slot);
    }
}
