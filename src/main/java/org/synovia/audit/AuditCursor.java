package org.synovia.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where the next page of the trail starts: just after the last line shown, in the trail's order (newest first, then
 * the highest id). Keyset paging: a page is read from the index at the cursor, so page 1,000 costs what page 1 does
 * (ADR 0086). Written into links as "time~id".
 */
public record AuditCursor(Instant occurredAt, long id) {

    public static AuditCursor after(AuditEvent last) {
        return new AuditCursor(last.occurredAt(), last.id());
    }

    /** Null for a blank value; {@link IllegalArgumentException} for one not made by {@link #toString()}. */
    public static AuditCursor parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int split = value.lastIndexOf('~');
        try {
            if (split < 1) {
                throw new IllegalArgumentException("no separator");
            }
            return new AuditCursor(Instant.parse(value.substring(0, split)), Long.parseLong(value.substring(split + 1)));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not a place in the trail: " + value, e);
        }
    }

    @Override
    public String toString() {
        return occurredAt + "~" + id;
    }
}
