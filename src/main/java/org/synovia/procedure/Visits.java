package org.synovia.procedure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.account.StaffNames;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.AppointmentCursor;
import org.synovia.booking.AppointmentStatus;
import org.synovia.booking.Bookings;
import org.synovia.catalogue.Catalogue;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralNotFoundException;
import org.synovia.referral.Referrals;
import org.synovia.safety.SafetyAssessment;
import org.synovia.scheduling.Slot;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.waitinglist.Funding;

/**
 * The patients of the day and where each stands: the day list with the accepted protocol and the safety engine's
 * answer at the booked start, recomputed on every view so that a medicine changed since booking shows (HAZ-18);
 * the panel beside every step; check-in against two identifiers that match the record (NatSSIPs NS-03, HAZ-37);
 * into the room. Every read and write of patient data is in the audit trail in the same transaction.
 */
@Service
public class Visits {

    static final String RECORD_TYPE = "ProcedureVisit";
    /** The day list's one audit line per patient names the appointment that put them on it. */
    private static final String DAY_LIST_RECORD_TYPE = "Appointment";
    private static final String NO_PROTOCOL = "No accepted protocol: do not start; ask the vetting radiologist.";
    /** Names are read only when a line shows someone: the day list's statements stay fixed either way. */
    private static final StaffNames NO_NAMES = new StaffNames(Map.of());

    private final ProcedureDay day;
    private final VisitRepository visits;
    private final DaySafetyRepository dayRecords;
    private final DaySafetyChecks daySafety;
    private final Bookings bookings;
    private final Referrals referrals;
    private final Patients patients;
    private final Catalogue catalogue;
    private final AcceptedProtocols protocols;
    private final UserAccounts accounts;
    private final Funding funding;
    private final AuditTrail audit;
    private final Clock clock;

    Visits(ProcedureDay day, VisitRepository visits, DaySafetyRepository dayRecords, DaySafetyChecks daySafety, Bookings bookings,
            Referrals referrals, Patients patients, Catalogue catalogue, AcceptedProtocols protocols,
            UserAccounts accounts, Funding funding, AuditTrail audit, Clock clock) {
        this.funding = funding;
        this.day = day;
        this.visits = visits;
        this.dayRecords = dayRecords;
        this.daySafety = daySafety;
        this.bookings = bookings;
        this.referrals = referrals;
        this.patients = patients;
        this.catalogue = catalogue;
        this.protocols = protocols;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The day's patients for one room or one operator (or all, when both are null), earliest first. */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public List<DayListEntry> dayList(LocalDate date, UUID roomId, UUID operatorId) {
        return day(date).in(roomId, operatorId);
    }

    /**
     * All of the day's patients, earliest first, with their referrals' funding states. Everything each line shows is
     * read for the whole day at once, so the page costs the same statements for 5 or 50 patients, and audited in
     * one line per patient naming their appointment, not one per façade read (issue 16).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public DayList day(LocalDate date) {
        return lines(date, bookings.onDayAuditedByCaller(date));
    }

    /** Patients on one page of the day list (ADR 0119). */
    public static final int PAGE_SIZE = 50;

    /**
     * One page of the day list: up to 50 of the day's patients in one room or with one operator (or all, when both
     * are null), earliest first, after {@code after} when given, with how many the list holds and its rooms and
     * operators. Only the patients shown are read and audited, so a page costs the same at 200 patients as at 50.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public DayListPage dayPage(LocalDate date, UUID roomId, UUID operatorId, AppointmentCursor after) {
        Bookings.DayPage page = bookings.onDayPageAuditedByCaller(date, roomId, operatorId, after, PAGE_SIZE + 1);
        List<Appointment> read = page.appointments();
        List<Appointment> shown = read.size() > PAGE_SIZE ? read.subList(0, PAGE_SIZE) : read;
        return new DayListPage(lines(date, shown), page.total(),
                read.size() > PAGE_SIZE ? AppointmentCursor.after(shown.getLast()) : null, bookings.roomsAndOperatorsOnDay(date));
    }

    /** The lines of these appointments of the day, read for all of them at once and audited one line per patient. */
    private DayList lines(LocalDate date, List<Appointment> appointments) {
        List<UUID> ids = appointments.stream().map(Appointment::id).toList();
        Map<UUID, VisitStatus> statuses = visits.statuses(ids);
        Map<UUID, UrgentPathway> urgent = dayRecords.urgentPathways(ids);
        List<ReferralId> referralIds = appointments.stream().map(a -> new ReferralId(a.referralId())).toList();
        Map<ReferralId, Referral> dayReferrals = referrals.showAllAuditedByCaller(referralIds);
        Map<PatientId, Patient> dayPatients = patients.findAllAuditedByCaller(
                appointments.stream().map(a -> new PatientId(a.patientId())).toList());
        Map<UUID, Slot> slots = bookings.slots(appointments);
        Map<ReferralId, AcceptedProtocols.AcceptedProtocol> accepted = protocols.forReferrals(referralIds);
        var funding = this.funding.clearancesAuditedByCaller(appointments.stream().map(Appointment::referralId).toList());
        audit.recordPerPatient(AuditAction.LIST, DAY_LIST_RECORD_TYPE, appointments, Appointment::id, Appointment::patientId,
                "day list of " + date + ", each with its referral, patient details, funding state and safety alerts");
        StaffNames staff = urgent.isEmpty() ? NO_NAMES : accounts.staffNames();
        List<DayListEntry> entries = appointments.stream().map(a -> {
            ReferralId referralId = new ReferralId(a.referralId());
            Referral referral = dayReferrals.get(referralId);
            if (referral == null) {
                throw new ReferralNotFoundException(referralId);
            }
            Patient patient = dayPatients.get(new PatientId(a.patientId()));
            Optional<AcceptedProtocols.AcceptedProtocol> acceptedProtocol = Optional.ofNullable(accepted.get(referralId));
            return entry(a, referral, patient, slots.get(a.id()), acceptedProtocol,
                    assessment(referral, patient, acceptedProtocol, day.start(a)), statuses.get(a.id()), urgent.get(a.id()), staff);
        }).toList();
        return new DayList(entries, funding);
    }

    /** One patient's line of the day list. */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public DayListEntry visit(UUID appointmentId) {
        Appointment appointment = day.appointment(appointmentId);
        Referral referral = day.referral(appointment);
        UrgentPathway urgent = dayRecords.urgentPathway(appointmentId).orElse(null);
        Patient patient = day.patient(appointment.patientId());
        var accepted = protocols.forReferral(referral.id());
        return entry(appointment, referral, patient, bookings.slot(appointment).orElseThrow(), accepted,
                assessment(referral, patient, accepted, day.start(appointment)),
                visits.statuses(List.of(appointmentId)).get(appointmentId), urgent, urgent == null ? NO_NAMES : accounts.staffNames());
    }

    /** The patient's line, from what a page has read already; not audited here (the page's one line covers it). */
    DayListEntry entry(VisitFacts facts, Optional<SafetyAssessment> assessment, Optional<UrgentPathway> urgent, StaffNames staff) {
        return entry(facts.appointment(), facts.referral(), facts.patient(), bookings.slot(facts.appointment()).orElseThrow(),
                facts.accepted(), assessment, visits.statuses(List.of(facts.id())).get(facts.id()), urgent.orElse(null), staff);
    }

    /**
     * The engine's answer at the booked start with the accepted protocol; empty without one. Kept by its whole input
     * (ADR 0128): the day list shows the same answers on every view.
     */
    Optional<SafetyAssessment> assessment(Referral referral, Patient patient, Optional<AcceptedProtocols.AcceptedProtocol> accepted,
            LocalDateTime start) {
        return accepted.map(a -> protocols.assessmentShownAt(referral, patient, a, start));
    }

    /** The panel from what a page has read already; not audited here (the page's one line covers it). */
    PatientPanel panel(VisitFacts facts, Optional<SafetyAssessment> assessment, Optional<UrgentPathway> urgent, StaffNames staff) {
        return panel(facts.patient(), facts.referral(), facts.start(), assessment, urgent, staff);
    }

    private PatientPanel panel(Patient patient, Referral referral, LocalDateTime start, Optional<SafetyAssessment> assessment,
            Optional<UrgentPathway> urgent, StaffNames staff) {
        List<String> alerts = new ArrayList<>(assessment.isEmpty() ? List.of(NO_PROTOCOL) : DayListAlerts.withSources(assessment.get()));
        // The pathway starts from the day's infection rule: the panel names its guideline like every other line.
        urgent.ifPresent(u -> alerts.addFirst(DayListAlerts.urgentPathway(u, day.zone(), staff)
                + DayListAlerts.source(daySafety.sourcesOf(DaySafetyChecks.DAY_INFECTION_RULE))));
        return PatientPanel.of(patient, referral.details(), start.toLocalDate(), alerts);
    }

    private DayListEntry entry(Appointment appointment, Referral referral, Patient patient, Slot slot,
            Optional<AcceptedProtocols.AcceptedProtocol> accepted, Optional<SafetyAssessment> assessment, VisitStatus visit,
            UrgentPathway urgent, StaffNames staff) {
        LocalDateTime start = day.start(appointment);
        VisitStatus status = appointment.status() == AppointmentStatus.DID_NOT_ATTEND ? VisitStatus.DID_NOT_ATTEND
                : visit == null ? VisitStatus.BOOKED : visit;
        List<String> alerts = assessment.isEmpty() ? List.of(NO_PROTOCOL) : DayListAlerts.of(assessment.get());
        if (urgent != null) {
            alerts = new ArrayList<>(alerts);
            alerts.addFirst(DayListAlerts.urgentPathway(urgent, day.zone(), staff));
        }
        return new DayListEntry(appointment.id(), appointment.referralId(), appointment.patientId(), patient.displayName(),
                patient.dateOfBirth(), start, slot.roomId(), slot.roomName(), slot.operatorId(), slot.operatorName(),
                status, targets(referral), accepted.map(a -> ProcedureDay.summary(a.protocol())).orElse("none accepted"), alerts);
    }

    /** Every target of the session, the main one first (HAZ-85). */
    private String targets(Referral referral) {
        var details = referral.details();
        return details.targets().stream()
                .map(t -> catalogue.site(t.siteCode()).map(s -> s.name()).orElse(t.siteCode())
                        + (t.laterality() == null ? "" : " (" + t.laterality().label().toLowerCase() + ")")
                        + (details.additionalTargets().isEmpty() || t.spinalLevel() == null ? "" : " " + t.spinalLevel()))
                .collect(Collectors.joining("; "));
    }

    /**
     * Checks the patient in on the day of their appointment once two identifiers they give match the
     * record (NatSSIPs NS-03); a mismatch is refused, beside the field, and nothing is written.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    public DayListEntry checkIn(UUID appointmentId, IdentityCheck identity) {
        Appointment appointment = day.appointment(appointmentId);
        if (!appointment.active()) {
            throw new InvalidInputException("appointmentId", "This appointment is " + appointment.status().label().toLowerCase()
                    + "; only a booked patient can be checked in.");
        }
        LocalDate booked = day.day(appointment);
        if (!booked.equals(LocalDate.now(clock))) {
            throw new InvalidInputException("appointmentId", "Patients are checked in on the day of their appointment ("
                    + booked + ").");
        }
        String identifiedBy = identity.confirm(day.patient(appointment.patientId()));
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
        Appointment appointment = day.appointment(appointmentId);
        visits.lock(appointmentId).ifPresent(status -> status.refuseWhenStopped("appointmentId"));
        if (!visits.intoRoom(appointmentId, clock.instant(), CurrentUser.username())) {
            throw new InvalidInputException("appointmentId", "Check the patient in before taking them into the room.");
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, appointmentId, appointment.patientId(), "into the room");
        return visit(appointmentId);
    }
}
