package org.synovia.procedure;

import java.time.Instant;

/**
 * A suspected septic joint found on the procedure day (facts CI-03, CX-01): no steroid; aspirate and culture on
 * the urgent pathway. Who started it and whom it emailed (the clinic's on-call contact and the referrer), then what
 * was done instead, with who and when.
 *
 * @param onCallEmail null when no on-call contact is configured ({@code synovia.procedure.on-call-email})
 * @param referrerEmail null when the referral gives none
 */
public record UrgentPathway(String reason, Instant startedAt, String startedBy, String onCallEmail, String referrerEmail,
        String doneInstead, Instant doneInsteadAt, String doneInsteadBy) {

    public boolean doneInsteadRecorded() {
        return doneInstead != null;
    }
}
