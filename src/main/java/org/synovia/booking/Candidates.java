package org.synovia.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.AcceptedProtocols.AcceptedProtocol;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;

/** Reads a waiting patient's referral, entry and accepted protocol into the slots that suit them. */
@Component
class Candidates {

    private final Referrals referrals;
    private final WaitingList waitingList;
    private final AcceptedProtocols protocols;
    private final Clock clock;

    Candidates(Referrals referrals, WaitingList waitingList, AcceptedProtocols protocols, Clock clock) {
        this.referrals = referrals;
        this.waitingList = waitingList;
        this.protocols = protocols;
        this.clock = clock;
    }

    /**
     * The patient waiting on this referral: the days between the entry's earliest date (or today) and its latest date
     * (or a year ahead), cut at the last day funding covers, with the guidance, sites, grade or named operator and
     * slot length the accepted protocol asks for.
     */
    Candidate of(UUID referralId) {
        Referral referral = referrals.show(new ReferralId(referralId));
        WaitingListEntry entry = waitingList.entry(referralId)
                .orElseThrow(() -> new InvalidInputException("referralId", "This referral is not on the waiting list."));
        AcceptedProtocol accepted = protocols.forReferral(new ReferralId(referralId))
                .orElseThrow(() -> new InvalidInputException("referralId", "This referral has no accepted protocol."));
        return of(referral, entry, accepted);
    }

    /** As {@link #of(UUID)}, from what the caller has read already (a list reads them for many patients at once). */
    Candidate of(Referral referral, WaitingListEntry entry, AcceptedProtocol accepted) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = entry.earliestDate() != null && entry.earliestDate().isAfter(today) ? entry.earliestDate() : today;
        LocalDate to = entry.latestDate() != null ? entry.latestDate() : today.plusYears(1);
        // An approval that runs out bounds the days offered, as a latest date does.
        LocalDate covered = entry.funding().coveredUntil();
        if (covered != null && covered.isBefore(to)) {
            to = covered;
        }
        String grade = entry.operatorGrade() != null ? entry.operatorGrade() : accepted.protocol().operatorGrade();
        SlotQuery query = new SlotQuery(entry.guidance(), referral.details().siteCode(), grade,
                accepted.protocol().namedOperator(), accepted.protocol().slotMinutes(), from, to, entry.unavailableFrom(),
                entry.unavailableTo(), referral.details().additionalTargets().stream()
                        .map(ReferralDetails.Target::siteCode).collect(Collectors.toSet()));
        return new Candidate(referral, entry, accepted, query);
    }

    /** As {@link #of(UUID)}, on today alone whatever the entry's earliest date (a same-day addition). */
    Candidate today(UUID referralId) {
        return of(referralId).onlyOn(LocalDate.now(clock));
    }
}
