package org.synovia.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.synovia.shared.Laterality;

/** One line of a referral list. */
public record ReferralSummary(ReferralId id, UUID patientId, String patientName, String nhsNumber,
        LocalDate dateOfBirth, String siteName, Laterality laterality, String spinalLevel, Intent intent,
        Urgency urgency, ReferralStatus status, Instant submittedAt, String submittedBy, String referrerName,
        String openQuestion) {
}
