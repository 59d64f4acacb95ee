package org.synovia.referral;

import java.time.Instant;
import java.util.UUID;

/** A change to a referral's details: who, when, why, and the details as they were before (JSON). */
public record ReferralAmendment(UUID id, ReferralId referralId, Instant amendedAt, String amendedBy, String reason,
        String previousDetails) {
}
