package org.synovia.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * How a patient wants to hear from the service.
 *
 * @param preferred the channel the patient asked for, or null when they expressed none (email first)
 * @param optedOut the patient asked for no messages; they still get the letters the clinic must send (ADR 0076)
 * @param changedBy who recorded it, null when nothing is recorded
 */
public record ContactPreference(UUID patientId, Channel preferred, boolean optedOut, Instant changedAt, String changedBy) {

    public static ContactPreference none(UUID patientId) {
        return new ContactPreference(patientId, null, false, null, null);
    }
}
