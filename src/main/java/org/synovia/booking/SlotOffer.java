package org.synovia.booking;

import java.time.LocalDateTime;
import java.util.List;

import org.synovia.scheduling.Slot;

/**
 * A slot the patient can safely be booked into, with the medication plan that start would give.
 *
 * @param start the slot's start in the clinic's time zone
 * @param linkedSlot for a one-stop visit, the slot straight after (assessment, then injection); else null
 */
public record SlotOffer(Slot slot, Slot linkedSlot, LocalDateTime start, List<String> medicationPlan) {

    public long minutes() {
        return java.time.Duration.between(slot.start(), linkedSlot == null ? slot.end() : linkedSlot.end()).toMinutes();
    }

    public SlotOffer {
        medicationPlan = List.copyOf(medicationPlan);
    }
}
