package org.synovia.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment was booked, or moved ({@code replaces} is the old one). Notification sends the letter.
 */
public record AppointmentBooked(UUID appointmentId, UUID referralId, UUID patientId, Instant start, UUID replaces) {
}
