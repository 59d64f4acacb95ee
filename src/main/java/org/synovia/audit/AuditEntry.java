package org.synovia.audit;

import java.util.UUID;

/**
 * One line for {@link AuditTrail#recordAll}: what was done to which record of which patient. Who did it, when and
 * from where are the same for every line of one call and are added by the trail.
 */
public record AuditEntry(AuditAction action, String recordType, Object recordId, UUID patientId, String details) {

    public AuditEntry {
        if (action == null || recordType == null || recordType.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs an action and a record type");
        }
    }
}
