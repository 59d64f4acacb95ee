package org.synovia.booking;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.synovia.shared.InvalidInputException;

/**
 * One appointment as stored, with who booked it and, once it ended, who ended it, when and why.
 *
 * @param medicationPlan the patient's medication instructions for this start, one per line, as the
 *        safety engine gave them when it was booked
 * @param replacedBy the appointment it was moved to, or null
 * @param linkedSlotId the second slot of a one-stop visit (assessment, then injection), or null
 */
public record Appointment(UUID id, UUID referralId, UUID patientId, UUID slotId, UUID linkedSlotId, UUID roomId, UUID operatorId,
        Instant start, Instant end, AppointmentStatus status, String medicationPlan, Instant bookedAt, String bookedBy,
        Instant endedAt, String endedBy, String endReason, UUID replacedBy) {

    public long minutes() {
        return java.time.Duration.between(start, end).toMinutes();
    }

    public boolean active() {
        return status == AppointmentStatus.BOOKED;
    }

    /** The start as the clinic says it ("2027-01-19 09:20"), for the change history and the audit trail. */
    public String describe(ZoneId zone) {
        LocalDateTime at = LocalDateTime.ofInstant(start, zone);
        return at.toLocalDate() + " " + at.toLocalTime();
    }

    /** Only a booked appointment can be moved, cancelled or missed; an ended one is kept as it ended. */
    Appointment requireChangeable() {
        if (!active()) {
            throw new InvalidInputException("status", "This appointment is " + status.label().toLowerCase()
                    + " and cannot be changed.");
        }
        return this;
    }
}
