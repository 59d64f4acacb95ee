package org.synovia.booking;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Secrets;

/**
 * The secret link in a booked patient's letter: it opens their appointment, without an account, until it starts, and
 * lets them cancel it. Only the SHA-256 of the link is kept, and a new link replaces the old one.
 */
@Service
public class PatientLinks {

    /** Who a change made through the patient's own link is recorded as. */
    static final String PATIENT_LINK = "patient (own link)";

    private final AppointmentRepository repository;
    private final BookingDesk desk;
    private final AuditTrail audit;
    private final Clock clock;

    PatientLinks(AppointmentRepository repository, BookingDesk desk, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.desk = desk;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A new secret link for the patient to see and cancel this appointment (sent in the letter email). Empty when it
     * is no longer booked.
     */
    @Transactional
    public Optional<String> newPatientLink(UUID appointmentId) {
        String token = Secrets.newToken(32);
        if (!repository.setPatientLinkHash(appointmentId, Secrets.sha256Hex(token))) {
            return Optional.empty();
        }
        Appointment appointment = repository.find(appointmentId).orElseThrow();
        audit.record(AuditAction.UPDATE, Bookings.RECORD_TYPE, appointmentId, appointment.patientId(), "patient link issued");
        return Optional.of(token);
    }

    /** The appointment a patient's link opens, while it is booked and has not started. */
    @Transactional
    public Optional<Appointment> byPatientLink(String token) {
        Optional<Appointment> appointment = token == null || token.length() > 100 ? Optional.empty()
                : repository.byPatientLinkHash(Secrets.sha256Hex(token))
                        .filter(a -> a.active() && a.start().isAfter(clock.instant()));
        appointment.ifPresent(a -> audit.record(AuditAction.READ, Bookings.RECORD_TYPE, a.id(), a.patientId(),
                "opened by patient link"));
        return appointment;
    }

    /** The patient cancels through their link; the slot is then offered to others on the freed-slot list. */
    @Transactional
    public Appointment cancelByPatient(String token, String reason) {
        Appointment appointment = byPatientLink(token)
                .orElseThrow(() -> new InvalidInputException("reason",
                        "This link no longer opens a booked appointment."));
        return desk.end(appointment.id(), AppointmentStatus.CANCELLED,
                "cancelled by the patient: " + ChangeReasons.optional(reason), PATIENT_LINK);
    }
}
