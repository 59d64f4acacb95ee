package org.synovia.waitinglist;

import java.util.List;

import org.synovia.waitinglist.WaitingList.BreachCounts;

/**
 * One page of the waiting list: its entries in order, the counts of the whole list the filter selects, and where
 * the next page starts (none on the last page).
 */
public record WaitingListPage(List<WaitingListEntry> entries, BreachCounts counts, WaitingListCursor next) {

    public WaitingListPage {
        entries = List.copyOf(entries);
    }
}
