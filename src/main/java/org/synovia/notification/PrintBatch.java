package org.synovia.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * Letters printed together as one PDF.
 *
 * @param createdBy the full name of who made the batch
 * @param printedBy the full name of who marked it printed, or null while it waits
 */
public record PrintBatch(UUID id, Instant createdAt, String createdBy, int letters, Instant printedAt, String printedBy) {

    public boolean printed() {
        return printedAt != null;
    }
}
