package org.synovia.booking;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.synovia.scheduling.Slot;

/**
 * A slot given back by a cancellation or a move, with the waiting patients it suits: the planner's choice first
 * (with its reason), then the others most overdue first.
 */
public record FreedSlot(Slot slot, LocalDateTime start, List<Candidate> candidates) {

    public FreedSlot {
        candidates = List.copyOf(candidates);
    }

    /**
     * A waiting patient this slot suits and is safe for at its start.
     *
     * @param choiceReason why the planner chose this patient for the slot, or null for the others
     */
    public record Candidate(UUID referralId, String patientName, String siteName, java.time.LocalDate breachDate,
            List<String> medicationPlan, String choiceReason) {
    }
}
