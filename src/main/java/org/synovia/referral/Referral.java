package org.synovia.referral;

import java.time.Instant;

/** A stored referral: what was asked, where it stands, and who moved it there. */
public record Referral(ReferralId id, ReferralDetails details, ReferralStatus status, String statusReason,
        Instant statusChangedAt, String statusChangedBy, Instant submittedAt, String submittedBy) {
}
