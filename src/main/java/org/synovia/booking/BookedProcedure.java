package org.synovia.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

/**
 * One booked appointment with what the room needs to know of it: the patient's name and identifiers, the site and
 * side referred, the guidance accepted at vetting, the room and the operator of its slot. Read for many
 * appointments at once by {@link Bookings#bookedProcedures} (ADR 0047).
 *
 * @param siteName the catalogue's name of the site, or null when the catalogue no longer has it
 * @param nhsNumber null when the patient has none recorded
 * @param hospitalNumber null when the patient has none recorded
 */
public record BookedProcedure(UUID appointmentId, UUID patientId, Instant start, UUID roomId, String roomName,
        String operatorName, Guidance guidance, String siteCode, String siteName, Laterality laterality,
        String referrerName, String familyName, String givenName, String nhsNumber, String hospitalNumber,
        LocalDate dateOfBirth, Sex sex) {
}
