package org.synovia.planning.solver;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import org.synovia.planning.OpenSlot;
import org.synovia.planning.WaitingPatient;

/**
 * One waiting patient and the slot the plan gives them, or none. The slots offered are only those the patient's
 * own hard rules allow, worked out once before solving, so the search never wastes a move on a slot of the wrong
 * guidance or date (ADR 0056).
 */
@PlanningEntity(comparatorClass = PatientAssignment.MostPressingLast.class)
public class PatientAssignment {

    @PlanningId
    private int id;
    private WaitingPatient patient;
    private List<OpenSlot> allowedSlots;
    private HardRules rules;
    private LocalDate horizonEnd;

    @PlanningVariable(valueRangeProviderRefs = "allowedSlots", allowsUnassigned = true)
    private OpenSlot slot;

    public PatientAssignment() {
    }

    public PatientAssignment(int id, WaitingPatient patient, List<OpenSlot> allowedSlots, HardRules rules,
            LocalDate horizonEnd) {
        this.id = id;
        this.patient = patient;
        this.allowedSlots = List.copyOf(allowedSlots);
        this.rules = rules;
        this.horizonEnd = horizonEnd;
    }

    public int getId() {
        return id;
    }

    public WaitingPatient getPatient() {
        return patient;
    }

    @ValueRangeProvider(id = "allowedSlots")
    public List<OpenSlot> getAllowedSlots() {
        return allowedSlots;
    }

    public HardRules getRules() {
        return rules;
    }

    public LocalDate getHorizonEnd() {
        return horizonEnd;
    }

    public OpenSlot getSlot() {
        return slot;
    }

    public void setSlot(OpenSlot slot) {
        this.slot = slot;
    }

    /** The day of the slot, or null when unplaced. */
    public LocalDate day() {
        return slot == null ? null : HardRules.day(slot);
    }

    /** The slot after this one that a one-stop placement also takes, or null. */
    public OpenSlot followingSlot() {
        return slot == null ? null : rules.followingSlot(patient, slot);
    }

    public boolean breaches() {
        return SoftCosts.breaches(patient, day(), horizonEnd);
    }

    public long breachCost() {
        return SoftCosts.breachCost(patient, day(), horizonEnd);
    }

    public long latenessCost() {
        return SoftCosts.latenessCost(patient, day(), horizonEnd);
    }

    public long waitingCost() {
        return SoftCosts.waitingCost(patient, day(), horizonEnd);
    }

    @Override
    public String toString() {
        return patient.patientName() + " -> " + (slot == null ? "none" : slot.start());
    }

    /** The patient can still be seen by the breach date in one of their allowed slots. */
    public boolean canStillMeetBreachDate() {
        return patient.breachDate() != null && !allowedSlots.isEmpty()
                && !HardRules.day(allowedSlots.getFirst()).isAfter(patient.breachDate());
    }

    /**
     * A slot can save this patient from a breach: left unplaced they breach within the horizon, and an allowed slot
     * falls on or before their breach date.
     */
    public boolean breachAtStake() {
        return SoftCosts.breaches(patient, null, horizonEnd) && canStillMeetBreachDate();
    }

    /**
     * Orders patients from least to most pressing; the construction heuristic places the most pressing first:
     * those a slot can save from a breach (a slot given to someone who breaches anyway, or who cannot breach within
     * the horizon, saves none), then higher priority, then earlier breach date, then fewer slots to choose from.
     */
    public static final class MostPressingLast implements Comparator<PatientAssignment> {

        private static final Comparator<PatientAssignment> ORDER = Comparator
                .comparing(PatientAssignment::breachAtStake)
                .thenComparingLong(a -> SoftCosts.breachWeight(a.patient.priority()))
                .thenComparing(a -> a.patient.breachDate(), Comparator.nullsFirst(Comparator.<LocalDate>reverseOrder()))
                .thenComparing(a -> a.allowedSlots.size(), Comparator.reverseOrder())
                .thenComparingInt(PatientAssignment::getId);

        @Override
        public int compare(PatientAssignment a, PatientAssignment b) {
            return ORDER.compare(a, b);
        }
    }
}
