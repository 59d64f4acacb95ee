package org.synovia.planning.solver;

import java.time.LocalDate;
import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.BendableScore;

import org.synovia.planning.OpenSlot;

/**
 * The optimiser's working copy of a plan: the open slots and one assignment per waiting patient. The score has one
 * hard level and five soft levels, compared in order (docs/planning.md).
 */
@PlanningSolution
public class WaitingListSchedule {

    public static final int HARD_LEVELS = 1;
    public static final int SOFT_LEVELS = 5;
    public static final int BREACH_LEVEL = 0;
    public static final int LATENESS_LEVEL = 1;
    public static final int WAITING_LEVEL = 2;
    public static final int SAME_OPERATOR_LEVEL = 3;
    public static final int SESSIONS_LEVEL = 4;

    private LocalDate horizonEnd;

    @ProblemFactCollectionProperty
    private List<OpenSlot> slots;

    @PlanningEntityCollectionProperty
    private List<PatientAssignment> assignments;

    @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
    private BendableScore score;

    public WaitingListSchedule() {
    }

    public WaitingListSchedule(LocalDate horizonEnd, List<OpenSlot> slots, List<PatientAssignment> assignments) {
        this.horizonEnd = horizonEnd;
        this.slots = slots;
        this.assignments = assignments;
    }

    public LocalDate getHorizonEnd() {
        return horizonEnd;
    }

    public List<OpenSlot> getSlots() {
        return slots;
    }

    public List<PatientAssignment> getAssignments() {
        return assignments;
    }

    public BendableScore getScore() {
        return score;
    }

    public void setScore(BendableScore score) {
        this.score = score;
    }

    public static BendableScore hard(long weight) {
        return BendableScore.ofHard(HARD_LEVELS, SOFT_LEVELS, 0, weight);
    }

    public static BendableScore soft(int level, long weight) {
        return BendableScore.ofSoft(HARD_LEVELS, SOFT_LEVELS, level, weight);
    }
}
