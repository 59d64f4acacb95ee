package org.synovia.booking;

import java.time.LocalDate;

import org.synovia.referral.Referral;
import org.synovia.referral.ReferralStatus;
import org.synovia.scheduling.Slot;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.AcceptedProtocols.AcceptedProtocol;
import org.synovia.waitinglist.WaitingListEntry;

/**
 * A waiting patient as booking sees them: the referral, the waiting-list entry, the accepted protocol and the
 * slots that suit them ({@code query}). The rules every way into a booking shares live here.
 */
record Candidate(Referral referral, WaitingListEntry entry, AcceptedProtocol accepted, SlotQuery query) {

    boolean waiting() {
        return referral.status() == ReferralStatus.WAITING;
    }

    /** On or after the first day this patient may be booked and on or before the last. */
    boolean bookableOn(LocalDate day) {
        return !day.isBefore(query.from()) && !day.isAfter(query.to());
    }

    /**
     * A one-stop visit: the patient was vetted as one-stop eligible and the slot is in a one-stop session, so
     * the assessment and the injection take this slot and the next as one appointment.
     */
    boolean oneStopVisit(Slot slot) {
        return entry.oneStopEligible() && slot.oneStop();
    }

    /**
     * Money and permission to treat come before the slot (ADR 0072): a referral awaiting prior approval, an
     * individual funding request or an insurer's authorisation, refused, or approved only until before {@code day},
     * is not booked by any path (clerk, patient's link, freed-slot offer, planner).
     */
    void requireFundedOn(LocalDate day, String field) {
        String refusal = entry.funding().refusalOn(day);
        if (refusal != null) {
            throw new InvalidInputException(field, refusal);
        }
    }

    /** The same patient searched on {@code day} alone (a same-day addition, whatever the earliest date says). */
    Candidate onlyOn(LocalDate day) {
        SlotQuery q = query;
        return new Candidate(referral, entry, accepted, new SlotQuery(q.guidance(), q.siteCode(), q.operatorGrade(),
                q.namedOperator(), q.minimumMinutes(), day, day, q.awayFrom(), q.awayTo(), q.furtherSiteCodes()));
    }
}
