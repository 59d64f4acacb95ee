package org.synovia.waitinglist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One decision on an entry's funding, as recorded: the commissioner's prior approval or individual funding request,
 * or an insurer's authorisation, approved (with its reference, the day decided and any expiry) or refused (with the
 * reason). Never changed: a later decision supersedes it. {@code recordedByName} is the full name of who recorded it.
 */
public record FundingDecision(UUID id, UUID referralId, Payer payer, Outcome outcome, String reference,
        LocalDate decidedOn, LocalDate expiresOn, String reason, Instant recordedAt, String recordedBy,
        String recordedByName) {

    public enum Outcome { APPROVED, REFUSED }

    /** The approval's last day has passed by {@code day}. */
    public boolean expiredBy(LocalDate day) {
        return expiresOn != null && day.isAfter(expiresOn);
    }
}
