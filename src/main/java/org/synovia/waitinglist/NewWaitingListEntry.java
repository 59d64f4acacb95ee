package org.synovia.waitinglist;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.synovia.shared.Guidance;

/**
 * What vetting knows when it puts an accepted referral on the list.
 *
 * @param clockStart the day the referral was received
 * @param dateConstraints why the earliest or latest date is what it is, one sentence each, with sources
 */
public record NewWaitingListEntry(UUID referralId, UUID patientId, String siteCode, Guidance guidance, Priority priority,
        boolean diagnosticOnly, LocalDate clockStart, LocalDate earliestDate, LocalDate latestDate,
        List<String> dateConstraints, FundingStatus fundingStatus, String operatorGrade, boolean oneStopEligible) {

    public NewWaitingListEntry {
        dateConstraints = List.copyOf(dateConstraints);
    }
}
