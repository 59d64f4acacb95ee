package org.synovia.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as stored: an email, a text message or a printed letter; sent (a letter: printed), waiting to be
 * (re)tried or printed, or failed for good. The body says {@code {{link}}} where a patient's secret link went.
 *
 * @param attachmentName the attached file's name, or null
 * @param aboutId the appointment, booking invitation or diary episode the message is about, or null
 * @param resentFrom the message this one repeats, or null
 * @param printBatchId the print batch a letter is in, or null
 */
public record OutboundEmail(UUID id, String recipient, String subject, String body, UUID patientId, String purpose,
        Status status, int attempts, String lastError, Instant createdAt, Instant sentAt, String attachmentName,
        Channel channel, UUID aboutId, UUID resentFrom, UUID printBatchId) {

    /** The body carries a patient's link, which is kept only until the message has gone (ADR 0054). */
    public boolean carriesLink() {
        return body.contains(EmailOutbox.LINK);
    }

    /** How staff read its state. */
    public String statusLabel() {
        return switch (status) {
            case QUEUED -> channel == Channel.LETTER ? (printBatchId == null ? "In the print queue" : "Being printed")
                    : "Waiting";
            case SENT -> channel == Channel.LETTER ? "Printed" : "Sent";
            case FAILED -> "Failed";
        };
    }

    public enum Status { QUEUED, SENT, FAILED }
}
