package org.synovia.procedure;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.synovia.booking.Appointment;
import org.synovia.patient.Patient;
import org.synovia.referral.Referral;
import org.synovia.vetting.AcceptedProtocols.AcceptedProtocol;

/**
 * What a procedure-day page reads once and passes down: the appointment, its referral and patient, the accepted
 * protocol (empty when none) and the clinic's time zone ({@link ProcedureDay#read}).
 */
record VisitFacts(Appointment appointment, Referral referral, Patient patient, Optional<AcceptedProtocol> accepted,
        ZoneId zone) {

    UUID id() {
        return appointment.id();
    }

    LocalDateTime start() {
        return LocalDateTime.ofInstant(appointment.start(), zone);
    }
}
