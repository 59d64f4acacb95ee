package org.synovia.journey;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.synovia.diary.SentSummary;
import org.synovia.procedure.ReportVersion;
import org.synovia.referral.InformationRequest;
import org.synovia.referral.ReferralId;

/**
 * A referral's journey after it was sent, for its referrer.
 *
 * @param appointments every appointment, in order of booking, with what became of each
 * @param reports every version of the report as sent, oldest first (the signed report, then each amended one)
 * @param summaries the diary summaries sent, oldest first
 * @param openQuestions questions from the radiologist still waiting for the referrer's answer
 */
public record Journey(ReferralId referralId, List<Visit> appointments, List<ReportVersion> reports,
        List<SentSummary> summaries, List<InformationRequest> openQuestions) {

    public Journey {
        appointments = List.copyOf(appointments);
        reports = List.copyOf(reports);
        summaries = List.copyOf(summaries);
        openQuestions = List.copyOf(openQuestions);
    }

    /**
     * One appointment as the referrer reads it.
     *
     * @param start when it begins, in the clinic's time zone
     * @param place the room and where it is ("Ultrasound room 1, Radiology, level 2"), or null if unknown
     * @param status "Booked", "Cancelled", "Moved to another slot" or "Did not attend"
     */
    public record Visit(UUID appointmentId, ZonedDateTime start, long minutes, String place, String status, boolean active,
            Instant bookedAt, Instant endedAt) {
    }
}
