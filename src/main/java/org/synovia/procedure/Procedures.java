package org.synovia.procedure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.AppointmentStatus;
import org.synovia.booking.Bookings;
import org.synovia.catalogue.Catalogue;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Slot;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.Protocol;

/**
 * The procedure day. The day list shows each patient with the accepted protocol and the safety engine's
 * answer at the booked start, recomputed on every view so that a medicine changed since booking shows
 * (HAZ-18). Check-in needs two identifiers that match the record (NatSSIPs NS-03, HAZ-37). Every read and
 * write of patient data is in the audit trail in the same transaction.
 */
@Service
public class Procedures {

    static final String RECORD_TYPE = "ProcedureVisit";

    private final VisitRepository visits;
    private final Bookings bookings;
    private final Referrals referrals;
    private final Patients patients;
    private final Catalogue catalogue;
    private final AcceptedProtocols protocols;
    private final AuditTrail audit;
    private final Clock clock;

    Procedures(VisitRepository visits, Bookings bookings, Referrals referrals, Patients patients, Catalogue catalogue,
            AcceptedProtocols protocols, AuditTrail audit, Clock clock) {
        this.visits = visits;
        this.bookings = bookings;
        this.referrals = referrals;
        this.patients = patients;
        this.catalogue = catalogue;
        this.protocols = protocols;
        this.audit = audit;
        this.clock = clock;
    }

    /** The day's patients for one room or one operator (or all, when both are null), earliest first. */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public List<DayListEntry> dayList(LocalDate day, UUID roomId, UUID operatorId) {
        List<Appointment> appointments = bookings.onDay(day).stream()
                .filter(a -> roomId == null || a.roomId().equals(roomId))
                .filter(a -> operatorId == null || a.operatorId().equals(operatorId)).toList();
        Map<UUID, VisitStatus> statuses = visits.statuses(appointments.stream().map(Appointment::id).toList());
        return appointments.stream().map(a -> entry(a, statuses.get(a.id()))).toList();
    }

    /** One patient's line of the day list. */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public DayListEntry visit(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        return entry(appointment, visits.statuses(List.of(appointmentId)).get(appointmentId));
    }

    private DayListEntry entry(Appointment appointment, VisitStatus visit) {
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        Patient patient = patient(appointment.patientId());
        Slot slot = bookings.slot(appointment).orElseThrow();
        LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), bookings.zone());
        VisitStatus status = appointment.status() == AppointmentStatus.DID_NOT_ATTEND ? VisitStatus.DID_NOT_ATTEND
                : visit == null ? VisitStatus.BOOKED : visit;
        String site = catalogue.site(referral.details().siteCode()).map(s -> s.name()).orElse(referral.details().siteCode());
        String side = referral.details().laterality() == null ? "" : " (" + referral.details().laterality().label().toLowerCase() + ")";
        var accepted = protocols.forReferral(referral.id());
        List<String> alerts = accepted.isEmpty() ? List.of("No accepted protocol: do not start; ask the vetting radiologist.")
                : DayListAlerts.of(protocols.checkAt(referral.id(), start).assessment());
        return new DayListEntry(appointment.id(), appointment.referralId(), appointment.patientId(), patient.displayName(),
                patient.dateOfBirth(), start, slot.roomId(), slot.roomName(), slot.operatorId(), slot.operatorName(),
                status, site + side, accepted.map(a -> summary(a.protocol())).orElse("none accepted"), alerts);
    }

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
        return line.toString();
    }

    /**
     * Checks the patient in on the day of their appointment once two identifiers they give match the
     * record (NatSSIPs NS-03); a mismatch is refused, beside the field, and nothing is written.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public DayListEntry checkIn(UUID appointmentId, IdentityCheck identity) {
        Appointment appointment = bookings.appointment(appointmentId);
        if (!appointment.active()) {
            throw new InvalidInputException("appointmentId", "This appointment is " + appointment.status().label().toLowerCase()
                    + "; only a booked patient can be checked in.");
        }
        LocalDate day = LocalDate.ofInstant(appointment.start(), bookings.zone());
        if (!day.equals(LocalDate.now(clock))) {
            throw new InvalidInputException("appointmentId", "Patients are checked in on the day of their appointment ("
                    + day + ").");
        }
        String identifiedBy = identity.confirm(patient(appointment.patientId()));
        if (!visits.arrive(appointmentId, appointment.referralId(), appointment.patientId(), clock.instant(),
                CurrentUser.username(), identifiedBy)) {
            throw new InvalidInputException("appointmentId", "This patient is already checked in.");
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, appointmentId, appointment.patientId(), "checked in by " + identifiedBy);
        return visit(appointmentId);
    }

    /** The patient has gone into the procedure room. */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public DayListEntry intoRoom(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        if (!visits.intoRoom(appointmentId, clock.instant(), CurrentUser.username())) {
            throw new InvalidInputException("appointmentId", "Check the patient in before taking them into the room.");
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, appointmentId, appointment.patientId(), "into the room");
        return visit(appointmentId);
    }

    private Patient patient(UUID id) {
        return patients.find(new PatientId(id)).orElseThrow();
    }
}
