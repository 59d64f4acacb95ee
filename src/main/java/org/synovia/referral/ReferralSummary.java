package org.synovia.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.synovia.shared.Laterality;

/**
 * One line of a referral list.
 *
 * @param furtherTargets how many targets the session has besides the main one (ADR 0040)
 */
public record ReferralSummary(ReferralId id, UUID patientId, String patientName, String nhsNumber,
        LocalDate dateOfBirth, String siteName, Laterality laterality, String spinalLevel, Intent intent,
        Urgency urgency, ReferralStatus status, Instant submittedAt, String submittedBy, String referrerName,
        String openQuestion, int furtherTargets) {

    /** "Knee joint, left", with "+ 1 further target" when the session has more. */
    public String target() {
        return siteName + (laterality == Laterality.NOT_APPLICABLE ? "" : ", " + laterality.label().toLowerCase())
                + (spinalLevel == null ? "" : " " + spinalLevel)
                + (furtherTargets == 0 ? "" : " + " + furtherTargets + " further target" + (furtherTargets == 1 ? "" : "s"));
    }
}
