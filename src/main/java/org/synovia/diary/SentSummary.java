package org.synovia.diary;

import java.time.Instant;
import java.util.UUID;

/**
 * The diary summary as it was written and sent to the referrer, once the diary's time was up.
 *
 * @param text the summary as sent, in the email's words
 * @param sentTo the referrer's address it went to, or null when the referral gave none
 */
public record SentSummary(UUID appointmentId, UUID referralId, UUID patientId, UUID episodeId, Instant writtenAt,
        String text, String sentTo) {
}
