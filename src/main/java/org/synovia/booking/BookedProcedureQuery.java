package org.synovia.booking;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.synovia.shared.Guidance;

/**
 * Which booked appointments {@link Bookings#bookedProcedures} reads: those starting in {@code [from, until)} and
 * passing every filter given. A null set or pattern means any. Patterns use {@code *} for any run of characters
 * and {@code ?} for one character.
 *
 * @param roomIds the rooms of the appointments' slots
 * @param guidances the guidance of the accepted protocol
 * @param patientName a pattern for the name written {@code family^given}, compared without regard to case; letters
 *        outside ASCII are compared as "any letter", so a caller with exact rules checks what it is given
 * @param patientIdentifier a pattern either the hospital number or the NHS number must match, case-sensitive
 * @param appointmentIds the appointments themselves
 */
public record BookedProcedureQuery(Instant from, Instant until, Set<UUID> roomIds, Set<Guidance> guidances,
        String patientName, String patientIdentifier, Set<UUID> appointmentIds) {

    public BookedProcedureQuery {
        if (from == null || until == null || !from.isBefore(until)) {
            throw new IllegalArgumentException("A booked procedure query needs a period that ends after it starts");
        }
        roomIds = roomIds == null ? null : Set.copyOf(roomIds);
        guidances = guidances == null ? null : Set.copyOf(guidances);
        appointmentIds = appointmentIds == null ? null : Set.copyOf(appointmentIds);
    }

    /** Every booked appointment of the period. */
    public static BookedProcedureQuery between(Instant from, Instant until) {
        return new BookedProcedureQuery(from, until, null, null, null, null, null);
    }
}
