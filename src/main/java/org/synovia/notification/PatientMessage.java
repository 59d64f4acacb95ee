package org.synovia.notification;

import java.util.UUID;

/**
 * One message to a patient, written for every channel; {@link PatientMessages} sends it by one.
 *
 * @param purpose what it is for ({@code appointment-letter}, {@code booking-invitation}, {@code diary-link} …)
 * @param aboutId the appointment, booking invitation or diary episode it is about
 * @param mustInform the clinic must tell the patient this even if they opted out of messages (ADR 0076)
 * @param emailBody the email's text; says {@link EmailOutbox#LINK} where {@code link} goes
 * @param text the text message: the date and place and the link at most, nothing clinical (ADR 0077)
 * @param letterBody the printed letter's text; where it says {@link EmailOutbox#LINK}, a fresh link or code is
 *        printed (issued when the batch is printed, not now)
 * @param link the patient's secret link for email and text, or null
 * @param attachment the PDF letter, sent with the email and printed behind the printed letter, or null
 * @param paperWithText when sent by text, the letter is printed as well: it says what a text must not (HAZ-111)
 */
public record PatientMessage(UUID patientId, String purpose, UUID aboutId, boolean mustInform, String subject,
        String emailBody, String text, String letterBody, String link, Attachment attachment, boolean paperWithText) {

    public PatientMessage {
        if (patientId == null || purpose == null || subject == null || emailBody == null || text == null
                || letterBody == null) {
            throw new IllegalArgumentException("a message to a patient needs a patient, a purpose, a subject and its texts");
        }
        if (link != null && (!emailBody.contains(EmailOutbox.LINK) || !text.contains(EmailOutbox.LINK))) {
            throw new IllegalArgumentException("a message with a link says " + EmailOutbox.LINK + " where it goes");
        }
    }
}
