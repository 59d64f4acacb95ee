package org.synovia.diary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.synovia.referral.Intent;

/**
 * The reading of a patient's diary changed: an entry arrived, or the episode closed. It carries the whole
 * reading so that listeners (outcome analytics, the summary to the referrer) need not read the diary.
 *
 * @param appointmentId       the procedure (procedure records are keyed by their appointment)
 * @param baselinePain        pain before the injection, 0–10
 * @param bestReliefPercent   diagnostic: the largest relief in the anaesthetic window against baseline; null
 *                            until an entry in the window exists or when the intent is therapeutic
 * @param diagnosticPositive  diagnostic: relief at or above the procedure's threshold (facts §7); null when unread
 * @param responderAtSixWeeks therapeutic: clinically important change at 6 weeks (facts OM-01/02); null until known
 * @param reliefDays          days until pain returned to within 30% of baseline, or to the last entry when censored
 * @param reliefCensored      true when pain had not returned by the last entry
 * @param redFlags            entries that reported a red flag
 * @param lastEntryAt         when the newest entry was recorded
 */
public record DiaryReadingUpdated(UUID appointmentId, UUID referralId, UUID patientId, Intent intent,
        int baselinePain, BigDecimal bestReliefPercent, Boolean diagnosticPositive, Boolean responderAtSixWeeks,
        Integer reliefDays, boolean reliefCensored, int redFlags, Instant lastEntryAt) {
}
