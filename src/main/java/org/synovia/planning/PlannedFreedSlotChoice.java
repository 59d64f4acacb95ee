package org.synovia.planning;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.synovia.booking.FreedSlotChooser;

/**
 * Gives a freed slot to the patient the session planner would choose for it, with the planner's reason (ADR 0059):
 * one problem read for all the slots together, then {@link SessionPlanner#bestFor} for each. Booking still checks
 * the choice like any candidate before offering it.
 */
@Component
class PlannedFreedSlotChoice implements FreedSlotChooser {

    private final PlanningProblems problems;
    private final SessionPlanner planner;

    PlannedFreedSlotChoice(PlanningProblems problems, SessionPlanner planner) {
        this.problems = problems;
        this.planner = planner;
    }

    @Override
    public Map<UUID, Choice> choose(Collection<UUID> slotIds, UUID excludedReferralId) {
        PlanningProblem problem = problems.forSlots(slotIds, excludedReferralId);
        Map<UUID, Choice> choices = new LinkedHashMap<>();
        problem.slots().stream().filter(s -> slotIds.contains(s.slotId()))
                .forEach(slot -> planner.bestFor(slot, problem).ifPresent(placement -> choices.put(slot.slotId(),
                        new Choice(placement.patient().referralId(), placement.reason()))));
        return choices;
    }
}
