package org.synovia.booking;

import java.time.LocalDate;

/**
 * The first suitable slots on or after a day the clerk chose, with the earliest day this patient may be booked.
 *
 * @param chosen the day asked for, or null for "from the earliest"
 * @param searchedFrom the first day searched: the chosen day, or the earliest when the chosen day is before it
 * @param earliest today, or the earliest date safety and policy set at vetting when that is later
 * @param earliestReason why the earliest day is what it is, naming its sources, for the clerk
 * @param latest the last day this patient may be booked
 */
public record DatedSlotSearch(SlotSearch search, LocalDate chosen, LocalDate searchedFrom, LocalDate earliest,
        String earliestReason, LocalDate latest) {

    /** The clerk asked for a day before the earliest this patient may be booked. */
    public boolean chosenTooEarly() {
        return chosen != null && chosen.isBefore(earliest);
    }

    /** The clerk asked for a day after the last this patient may be booked. */
    public boolean chosenTooLate() {
        return chosen != null && chosen.isAfter(latest);
    }
}
