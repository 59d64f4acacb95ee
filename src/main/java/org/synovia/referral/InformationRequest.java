package org.synovia.referral;

import java.time.Instant;
import java.util.UUID;

/** A vetting radiologist's question and, once given, the referrer's answer. */
public record InformationRequest(UUID id, ReferralId referralId, String question, String askedBy, Instant askedAt,
        String answer, String answeredBy, Instant answeredAt) {

    public boolean isOpen() {
        return answer == null;
    }
}
