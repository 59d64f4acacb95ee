package org.synovia.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.audit.AuditedByCaller;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.shared.InvalidInputException;

/**
 * What is booked, for the other modules: an appointment, a referral's appointments, a day's or a period's, with
 * their slots, and the facts planning and the worklist read in sets. Every read of patient data is audited here,
 * except {@link #bookedProcedures} and {@link #onDayAuditedByCaller}, whose callers audit what they give out. Reads are guarded by the pages that call
 * them and also serve letters and reminders, which run as the system. Finding slots, booking and changing, and
 * patients' links are {@link SlotFinder}, {@link BookingDesk}, {@link BookingInvitations} and {@link PatientLinks}.
 */
@Service
public class Bookings {

    static final String RECORD_TYPE = "Appointment";

    private final AppointmentRepository repository;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    Bookings(AppointmentRepository repository, Sessions sessions, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Appointment appointment(UUID id) {
        Appointment appointment = appointmentAuditedByCaller(id);
        audit.record(AuditAction.READ, RECORD_TYPE, id, appointment.patientId(), null);
        return appointment;
    }

    /**
     * As {@link #appointment}, not audited here: a page that reads the appointment with much else about its patient
     * records one line for all of it ({@link AuditedByCaller}).
     */
    @AuditedByCaller
    @Transactional(propagation = Propagation.MANDATORY)
    public Appointment appointmentAuditedByCaller(UUID id) {
        return repository.find(id)
                .orElseThrow(() -> new InvalidInputException("appointmentId", "There is no such appointment."));
    }

    @Transactional
    public List<Appointment> forReferral(UUID referralId) {
        List<Appointment> appointments = repository.forReferral(referralId);
        appointments.stream().findFirst().ifPresent(a -> audit.record(AuditAction.LIST, RECORD_TYPE, null, a.patientId(),
                appointments.size() + " appointments of referral " + referralId));
        return appointments;
    }

    /**
     * Every appointment of these referrals, whatever became of it, in order of booking: one read however many
     * referrals, audited one line per patient. The caller has checked that the user may see the referrals.
     */
    @Transactional
    public List<Appointment> forReferrals(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        List<Appointment> appointments = repository.forReferrals(referralIds);
        if (!appointments.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, appointments, Appointment::id, Appointment::patientId,
                    "appointments of referrals");
        }
        return appointments;
    }

    public List<AppointmentChange> history(UUID appointmentId) {
        return repository.changes(appointmentId);
    }

    /** Active appointments on the given days, earliest first (the clerk's and nurses' day lists). */
    @Transactional
    public List<Appointment> booked(LocalDate from, LocalDate to) {
        List<Appointment> list = repository.activeBetween(from.atStartOfDay(zone()).toInstant(),
                to.plusDays(1).atStartOfDay(zone()).toInstant());
        audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, list, Appointment::id, Appointment::patientId,
                "appointments " + from + " to " + to);
        return list;
    }

    /**
     * Booked appointments with the patient, procedure, room and operator, for a machine's or a room's list, read in
     * one statement however many match (ADR 0047). Not audited here: the caller records what it gives out, one line
     * per patient in the same transaction ({@link AuditTrail#recordAll}), which is why a transaction is required.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<BookedProcedure> bookedProcedures(BookedProcedureQuery query) {
        return repository.bookedProcedures(query);
    }

    /**
     * The day's appointments still booked or marked did-not-attend, earliest first (the procedure day list). Not
     * audited here: the caller records one line per patient for everything its page read
     * ({@link AuditTrail#recordPerPatient}) in the same transaction, which is therefore required.
     */
    @AuditedByCaller
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Appointment> onDayAuditedByCaller(LocalDate day) {
        return repository.bookedOrMissedBetween(day.atStartOfDay(zone()).toInstant(),
                day.plusDays(1).atStartOfDay(zone()).toInstant());
    }

    /**
     * One page of {@link #onDayAuditedByCaller}: up to {@code limit} in one room and with one operator when given,
     * after {@code after} when given, in the same order (start, then appointment id), and how many the list holds in
     * that room and with that operator. Not audited: the caller audits the patients it shows.
     */
    @AuditedByCaller
    @Transactional(propagation = Propagation.MANDATORY)
    public DayPage onDayPageAuditedByCaller(LocalDate day, UUID roomId, UUID operatorId, AppointmentCursor after,
            int limit) {
        return repository.bookedOrMissedPage(day.atStartOfDay(zone()).toInstant(), day.plusDays(1).atStartOfDay(zone()).toInstant(),
                roomId, operatorId, after, limit);
    }

    /** @param total how many appointments the day's list holds with the page's room and operator */
    public record DayPage(List<Appointment> appointments, long total) {

        public DayPage {
            appointments = List.copyOf(appointments);
        }
    }

    /** The rooms and operators of the day's list, in the order of their first appointment; no patient's data. */
    public List<RoomAndOperator> roomsAndOperatorsOnDay(LocalDate day) {
        return repository.roomsAndOperators(day.atStartOfDay(zone()).toInstant(), day.plusDays(1).atStartOfDay(zone()).toInstant());
    }

    public Optional<Slot> slot(Appointment appointment) {
        return sessions.slot(appointment.slotId());
    }

    /** The slot of each appointment, keyed by appointment id, in one read for a whole list. */
    public Map<UUID, Slot> slots(Collection<Appointment> appointments) {
        Map<UUID, Slot> byId = sessions.slots(appointments.stream().map(Appointment::slotId).collect(Collectors.toSet()));
        Map<UUID, Slot> byAppointment = new LinkedHashMap<>();
        appointments.forEach(a -> byAppointment.put(a.id(), byId.get(a.slotId())));
        return byAppointment;
    }

    /** Which of these slots an active appointment holds (as its own slot or a one-stop visit's second), in one read. */
    public Set<UUID> takenSlots(Collection<UUID> slotIds) {
        return repository.takenSlots(slotIds);
    }

    /**
     * Who injected each of these patients last (their latest appointment that has started and was not cancelled or
     * missed), keyed by patient, in one read; a patient never injected here is absent. Planning prefers them again.
     */
    public Map<UUID, UUID> lastOperators(Collection<UUID> patientIds) {
        return repository.lastOperators(patientIds, clock.instant());
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Today in the clinic's time zone, by the application's clock (never the wall clock: tests fix it). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
