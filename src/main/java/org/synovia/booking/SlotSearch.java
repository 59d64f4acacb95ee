package org.synovia.booking;

import java.util.List;

/**
 * The earliest safe slots for one patient, and why later-looking ones were passed over.
 *
 * @param examined how many open slots were looked at
 * @param refused slots that fit but the safety engine refused at their start, one reason each (first few)
 */
public record SlotSearch(List<SlotOffer> offers, int examined, List<String> refused) {

    public SlotSearch {
        offers = List.copyOf(offers);
        refused = List.copyOf(refused);
    }
}
