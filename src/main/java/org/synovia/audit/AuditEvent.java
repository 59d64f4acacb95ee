package org.synovia.audit;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail. */
public record AuditEvent(long id, Instant occurredAt, String username, String roles, AuditAction action,
        String recordType, String recordId, UUID patientId, String remoteAddress, String details) {
}
