package org.synovia.procedure;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.Bookings;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralNotFoundException;
import org.synovia.referral.Referrals;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.Protocol;

/**
 * What every façade of the procedure day reads first: the appointment, its referral and patient, the clinic's time
 * zone, and whether the visit may go on. One place, so that the visits, checklists, consent, records and reports
 * agree on the same facts and refuse with the same words.
 */
@Component
class ProcedureDay {

    private final VisitRepository visits;
    private final Bookings bookings;
    private final Referrals referrals;
    private final Patients patients;
    private final AcceptedProtocols protocols;
    private final AuditTrail audit;

    ProcedureDay(VisitRepository visits, Bookings bookings, Referrals referrals, Patients patients,
            AcceptedProtocols protocols, AuditTrail audit) {
        this.audit = audit;
        this.visits = visits;
        this.bookings = bookings;
        this.referrals = referrals;
        this.patients = patients;
        this.protocols = protocols;
    }

    /**
     * The appointment, its referral as the user may see it, its patient and accepted protocol, read once for a whole
     * page and audited in one line for the patient naming {@code what} the page shows (issue 16, ADR 0115). The
     * line is recorded before anything else is read, so no path through the page leaves its reads unaudited.
     */
    VisitFacts read(UUID appointmentId, String recordType, String what) {
        return read(appointmentId, AuditAction.READ, recordType, what);
    }

    /** As above, audited as {@code action} (an export, say, for a PDF that leaves the service). */
    VisitFacts read(UUID appointmentId, AuditAction action, String recordType, String what) {
        Appointment appointment = bookings.appointmentAuditedByCaller(appointmentId);
        ReferralId referralId = new ReferralId(appointment.referralId());
        Referral referral = referrals.showAllAuditedByCaller(List.of(referralId)).get(referralId);
        if (referral == null) {
            throw new ReferralNotFoundException(referralId);
        }
        PatientId patientId = new PatientId(appointment.patientId());
        Patient patient = Optional.ofNullable(patients.findAllAuditedByCaller(List.of(patientId)).get(patientId)).orElseThrow();
        audit.recordPerPatient(action, recordType, List.of(appointment), Appointment::id, Appointment::patientId, what);
        return new VisitFacts(appointment, referral, patient, protocols.forReferral(referralId), zone());
    }

    /** The facts of an appointment already read, its referral and patient read (and audited) as usual. */
    VisitFacts facts(Appointment appointment) {
        Referral referral = referral(appointment);
        return new VisitFacts(appointment, referral, patient(appointment.patientId()), protocols.forReferral(referral.id()),
                zone());
    }

    Appointment appointment(UUID appointmentId) {
        return bookings.appointment(appointmentId);
    }

    /** The referral the appointment answers, as the user may see it ({@link Referrals#show}). */
    Referral referral(Appointment appointment) {
        return referrals.show(new ReferralId(appointment.referralId()));
    }

    Patient patient(UUID patientId) {
        return patients.find(new PatientId(patientId)).orElseThrow();
    }

    ZoneId zone() {
        return bookings.zone();
    }

    LocalDateTime start(Appointment appointment) {
        return LocalDateTime.ofInstant(appointment.start(), zone());
    }

    LocalDate day(Appointment appointment) {
        return LocalDate.ofInstant(appointment.start(), zone());
    }

    /** The procedure as the day list, the checklist's safety runs and the report name it; "none accepted" without one. */
    String procedure(ReferralId referralId) {
        return procedure(protocols.forReferral(referralId));
    }

    static String procedure(Optional<AcceptedProtocols.AcceptedProtocol> accepted) {
        return accepted.map(a -> summary(a.protocol())).orElse("none accepted");
    }

    /** One of the visit's records read by {@code read}, its read audited as {@code recordType} when there is one. */
    <T> Optional<T> readAudited(UUID appointmentId, String recordType, Function<UUID, Optional<T>> read) {
        Appointment appointment = appointment(appointmentId);
        Optional<T> found = read.apply(appointmentId);
        found.ifPresent(f -> audit.record(AuditAction.READ, recordType, appointmentId, appointment.patientId(), null));
        return found;
    }

    /** Locks the visit so that two changes to one visit queue; refused beside {@code field} when not checked in. */
    VisitStatus lockCheckedIn(UUID appointmentId, String field, String notCheckedIn) {
        return visits.lock(appointmentId).orElseThrow(() -> new InvalidInputException(field, notCheckedIn));
    }

    boolean confirmed(UUID appointmentId, ChecklistStep step) {
        return visits.confirmations(appointmentId).stream().anyMatch(c -> c.step() == step);
    }

    /**
     * Once consent is withdrawn after the time-out the injection may have begun, so what was done is still
     * recorded: the sign-out, the record and its signing go on; nothing else does (ADR 0015).
     */
    void refuseWhenStoppedBeforeTimeOut(UUID appointmentId, VisitStatus status, String field) {
        if (status.stopped() && !confirmed(appointmentId, ChecklistStep.TIME_OUT)) {
            status.refuseWhenStopped(field);
        }
    }

    /** A required free text of at most 1000 characters, stripped; refused beside {@code field} when missing or longer. */
    static String text(String field, String value, String missing) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, missing);
        }
        if (value.strip().length() > 1000) {
            throw new InvalidInputException(field, "Use at most 1000 characters.");
        }
        return value.strip();
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** An optional text left empty is absent, so that the record and report say nothing of it. */
    static String optional(String value) {
        return present(value) ? value.strip() : null;
    }

    /** The accepted protocol in one line: guidance, approach, drugs and doses, then each further target's drugs. */
    static String summary(Protocol p) {
        StringBuilder line = new StringBuilder(p.guidance().label());
        if (p.approach() != null && !p.approach().isBlank()) {
            line.append(", ").append(p.approach());
        }
        if (p.corticosteroid() != null && !p.corticosteroid().isBlank()) {
            line.append("; ").append(p.corticosteroid());
            if (p.corticosteroidDoseMg() != null) {
                line.append(' ').append(p.corticosteroidDoseMg().stripTrailingZeros().toPlainString()).append(" mg");
            }
        }
        if (p.localAnaesthetic() != null && !p.localAnaesthetic().isBlank()) {
            line.append("; ").append(p.localAnaesthetic());
            if (p.localAnaestheticMl() != null) {
                line.append(' ').append(p.localAnaestheticMl().stripTrailingZeros().toPlainString()).append(" mL");
            }
        }
        if (p.contrast()) {
            line.append("; contrast");
        }
        for (int i = 0; i < p.targets().size(); i++) {
            line.append(" | target ").append(i + 2).append(": ").append(p.targets().get(i).drugsInWords());
        }
        return line.toString();
    }
}
