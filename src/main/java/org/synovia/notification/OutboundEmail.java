package org.synovia.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * An email as stored: sent, waiting to be (re)tried, or failed for good.
 *
 * @param attachmentName the attached file's name, or null
 */
public record OutboundEmail(UUID id, String recipient, String subject, String body, UUID patientId, String purpose,
        Status status, int attempts, String lastError, Instant createdAt, Instant sentAt, String attachmentName) {

    public enum Status { QUEUED, SENT, FAILED }
}
