package org.synovia.referral;

import java.time.Instant;
import java.util.UUID;

/** A referrer submitted a referral; vetting and safety checks start from here. */
public record ReferralReceived(ReferralId referralId, UUID patientId, String siteCode, Intent intent,
        Urgency urgency, Instant receivedAt) {
}
