package org.synovia.journey;

import java.time.Instant;

import org.synovia.referral.ReferralId;

/**
 * Something that happened on one of the referrer's referrals since they last looked.
 *
 * @param patient the patient's name as the referral list shows it
 * @param target the site and side referred
 * @param what a sentence: "Appointment booked for Tue 2 Feb 2027 at 09:30, Ultrasound room 1"
 */
public record NewsItem(Kind kind, Instant at, ReferralId referralId, String patient, String target, String what) {

    /** What happened, as a heading the referrer reads. */
    public enum Kind {
        APPOINTMENT_BOOKED("Appointment booked"),
        APPOINTMENT_CANCELLED("Appointment cancelled"),
        REPORT_SIGNED("Report signed"),
        REPORT_AMENDED("Report amended"),
        DIARY_SUMMARY_SENT("Diary summary sent"),
        QUESTION_WAITING("Question waiting for you");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
