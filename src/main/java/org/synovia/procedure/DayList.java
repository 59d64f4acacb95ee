package org.synovia.procedure;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.synovia.waitinglist.FundingClearance;

/**
 * The patients of one day, earliest first, with the funding state of each referral on the waiting list (a patient
 * not cleared is not injected, ADR 0072), as read and audited together for the day list page.
 *
 * @param fundingByReferral keyed by referral id; a referral not on the waiting list has none
 */
public record DayList(List<DayListEntry> entries, Map<UUID, FundingClearance> fundingByReferral) {

    public DayList {
        entries = List.copyOf(entries);
        fundingByReferral = Map.copyOf(fundingByReferral);
    }

    /** The patients in one room or with one operator, or all when both are null. */
    public List<DayListEntry> in(UUID roomId, UUID operatorId) {
        return entries.stream().filter(e -> roomId == null || e.roomId().equals(roomId))
                .filter(e -> operatorId == null || e.operatorId().equals(operatorId)).toList();
    }
}
