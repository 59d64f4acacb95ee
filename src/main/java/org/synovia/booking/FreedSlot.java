package org.synovia.booking;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.synovia.scheduling.Slot;

/**
 * A slot given back by a cancellation or a move, with the waiting patients it suits, most overdue first.
 */
public record FreedSlot(Slot slot, LocalDateTime start, List<Candidate> candidates) {

    public FreedSlot {
        candidates = List.copyOf(candidates);
    }

    /** A waiting patient this slot suits and is safe for at its start. */
    public record Candidate(UUID referralId, String patientName, String siteName, java.time.LocalDate breachDate,
            List<String> medicationPlan) {
    }
}
