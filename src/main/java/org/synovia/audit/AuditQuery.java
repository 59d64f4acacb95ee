package org.synovia.audit;

import java.time.LocalDate;
import java.util.UUID;

/** Filters for reading the trail; every field is optional. */
public record AuditQuery(String username, UUID patientId, String recordType, AuditAction action,
        LocalDate from, LocalDate to, int limit) {

    public static final int DEFAULT_LIMIT = 200;

    public AuditQuery {
        username = username == null || username.isBlank() ? null : username.trim().toLowerCase();
        recordType = recordType == null || recordType.isBlank() ? null : recordType.trim();
        limit = limit <= 0 || limit > 1000 ? DEFAULT_LIMIT : limit;
    }
}
