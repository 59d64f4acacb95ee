package org.synovia.booking;

import java.time.Instant;
import java.util.UUID;

/** An appointment was cancelled or missed; its slot is free again and the patient is back on the list. */
public record AppointmentCancelled(UUID appointmentId, UUID referralId, UUID patientId, UUID slotId, Instant start,
        AppointmentStatus status, String reason) {
}
