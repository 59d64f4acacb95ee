package org.synovia.booking;

import java.time.Instant;

/** One recorded change to an appointment. */
public record AppointmentChange(String action, Instant occurredAt, String changedBy, String reason) {
}
