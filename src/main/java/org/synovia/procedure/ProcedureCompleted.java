package org.synovia.procedure;

import java.time.Instant;
import java.util.UUID;

/**
 * The operator signed the procedure record: the injection is done and its record final. The report and
 * the patient's diary follow from it.
 */
public record ProcedureCompleted(UUID appointmentId, UUID referralId, UUID patientId, Instant signedAt,
        String signedBy) {
}
