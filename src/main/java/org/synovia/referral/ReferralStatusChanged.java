package org.synovia.referral;

import java.time.Instant;
import java.util.UUID;

/** A referral moved along its pathway; the referrer is told of vetting outcomes from this. */
public record ReferralStatusChanged(ReferralId referralId, UUID patientId, ReferralStatus from, ReferralStatus to,
        String reason, String changedBy, Instant changedAt) {
}
