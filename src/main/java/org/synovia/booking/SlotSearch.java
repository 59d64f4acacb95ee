package org.synovia.booking;

import java.time.LocalDateTime;
import java.util.List;

import org.synovia.safety.Finding;

/**
 * The earliest safe slots for one patient, and why later-looking ones were passed over.
 *
 * @param examined how many open slots were looked at
 * @param refused slots that fit but the safety engine refused at their start, one reason each (first few)
 * @param stops the STOPs nobody has overridden that refused a slot, each once, with the first start it
 *        refused (the override form asks about that start)
 */
public record SlotSearch(List<SlotOffer> offers, int examined, List<String> refused, List<StopAt> stops) {

    public SlotSearch {
        offers = List.copyOf(offers);
        refused = List.copyOf(refused);
        stops = List.copyOf(stops);
    }

    public SlotSearch(List<SlotOffer> offers, int examined, List<String> refused) {
        this(offers, examined, refused, List.of());
    }

    /** A STOP that refused the slot starting at {@code start}. */
    public record StopAt(Finding finding, LocalDateTime start) {
    }
}
