package org.synovia.booking;

import java.time.LocalDateTime;
import java.util.List;

import org.synovia.scheduling.Slot;

/**
 * A slot the patient can safely be booked into, with the medication plan that start would give.
 *
 * @param start the slot's start in the clinic's time zone
 */
public record SlotOffer(Slot slot, LocalDateTime start, List<String> medicationPlan) {

    public SlotOffer {
        medicationPlan = List.copyOf(medicationPlan);
    }
}
