package org.synovia.booking;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.AcceptedProtocols.BookingCheck;
import org.synovia.waitinglist.WaitingList;

/**
 * Books waiting patients into slots and changes what is booked: moves, cancellations, did-not-attend. Every start is
 * re-checked with the safety engine at the real date and time (HAZ-18, HAZ-28); the database refuses two active
 * appointments in one room or for one operator at once (HAZ-32), and that refusal reaches the clerk as "this slot was
 * just taken", never as an error page. Every change is kept in {@code appointment_change} and the audit trail, and
 * moves the referral and the waiting-list entry in the same transaction. Changes need a booking clerk (a nurse may
 * mark did-not-attend; an administrator needs a clinical role too, ADR 0002); a patient's own link changes through
 * {@link BookingInvitations} and {@link PatientLinks}, which use the same steps.
 */
@Service
public class BookingDesk {

    static final String SLOT_TAKEN = "This slot was just taken by another booking. Choose another slot.";
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DEADLOCK = "40P01";

    private final Candidates candidates;
    private final SlotFinder slots;
    private final AppointmentRepository repository;
    private final Sessions sessions;
    private final Referrals referrals;
    private final WaitingList waitingList;
    private final AcceptedProtocols protocols;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingDesk(Candidates candidates, SlotFinder slots, AppointmentRepository repository, Sessions sessions,
            Referrals referrals, WaitingList waitingList, AcceptedProtocols protocols, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.candidates = candidates;
        this.slots = slots;
        this.repository = repository;
        this.sessions = sessions;
        this.referrals = referrals;
        this.waitingList = waitingList;
        this.protocols = protocols;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Books the slot, or says in words why not; nothing is written unless everything succeeds. */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public Appointment book(UUID referralId, UUID slotId) {
        return bookAs(candidates.of(referralId), slotId, CurrentUser.username());
    }

    /**
     * Adds a waiting patient to a free slot later today: a gap on today's list filled by a patient who can come now
     * (ADR 0083; the demo's day is made this way). Everything a booking checks is checked, the safety engine at the
     * real start included, except the day's notice the earliest date gives; a slot on another day is refused.
     */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public Appointment addToToday(UUID referralId, UUID slotId) {
        Slot slot = slotId == null ? null : sessions.slot(slotId).orElse(null);
        if (slot == null || !LocalDate.ofInstant(slot.start(), clock.getZone()).equals(LocalDate.now(clock))
                || slot.start().isBefore(clock.instant())) {
            throw new InvalidInputException("slotId", "Choose a free slot later today.");
        }
        return bookAs(candidates.today(referralId), slotId, CurrentUser.username());
    }

    /** Moves an active appointment to another slot, re-checking safety at the new start. */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public Appointment reschedule(UUID appointmentId, UUID slotId, String reason) {
        return move(changeable(appointmentId), slotId, ChangeReasons.required(reason), CurrentUser.username());
    }

    /** Cancels with a reason; the patient goes back on the waiting list with their original clock start. */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public Appointment cancel(UUID appointmentId, String reason) {
        return end(appointmentId, AppointmentStatus.CANCELLED, ChangeReasons.required(reason), CurrentUser.username());
    }

    /** Marks a patient who did not come; only once the appointment has started. */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'NURSE')")
    public Appointment didNotAttend(UUID appointmentId) {
        Appointment appointment = changeable(appointmentId);
        if (appointment.start().isAfter(clock.instant())) {
            throw new InvalidInputException("status", "A patient can only miss an appointment once it has started.");
        }
        return end(appointmentId, AppointmentStatus.DID_NOT_ATTEND, "did not attend", CurrentUser.username());
    }

    /** Books a waiting patient, recorded as booked {@code by} the clerk or the patient's link. */
    Appointment bookAs(Candidate candidate, UUID slotId, String by) {
        if (!candidate.waiting()) {
            throw new InvalidInputException("slotId", "This patient is " + candidate.referral().status().label().toLowerCase()
                    + ", not waiting; open their appointment to change it.");
        }
        Appointment appointment = place(candidate, slotId, by);
        UUID referralId = appointment.referralId();
        String when = appointment.describe(clock.getZone());
        referrals.advance(new ReferralId(referralId), ReferralStatus.BOOKED, "booked for " + when);
        waitingList.booked(referralId, when);
        repository.recordChange(appointment.id(), "BOOKED", clock.instant(), by, null);
        audit.record(AuditAction.CREATE, Bookings.RECORD_TYPE, appointment.id(), appointment.patientId(), "booked " + when);
        events.publishEvent(new AppointmentBooked(appointment.id(), referralId, appointment.patientId(), appointment.start(), null));
        return appointment;
    }

    /** Moves a booked appointment to {@code slotId}, with the checks of a new booking. */
    Appointment move(Appointment old, UUID slotId, String why, String by) {
        Candidate candidate = candidates.of(old.referralId());
        Instant now = clock.instant();
        // The old appointment stops holding its room first, so a move within the same session can succeed.
        if (!repository.end(old.id(), AppointmentStatus.RESCHEDULED, now, by, why, null)) {
            throw new InvalidInputException("slotId", "This appointment was changed by someone else just now; reload it.");
        }
        Appointment moved = place(candidate, slotId, by);
        String from = old.describe(clock.getZone());
        String to = moved.describe(clock.getZone());
        repository.setReplacedBy(old.id(), moved.id());
        repository.recordChange(old.id(), "RESCHEDULED", now, by, why + " (now " + to + ")");
        repository.recordChange(moved.id(), "BOOKED", now, by, "moved from " + from + ": " + why);
        audit.record(AuditAction.UPDATE, Bookings.RECORD_TYPE, old.id(), old.patientId(), "moved to " + to + ": " + why);
        events.publishEvent(new AppointmentBooked(moved.id(), moved.referralId(), moved.patientId(), moved.start(), old.id()));
        return moved;
    }

    /** Ends a booked appointment (cancelled, missed); the patient goes back on the waiting list. */
    Appointment end(UUID appointmentId, AppointmentStatus status, String why, String by) {
        Appointment appointment = changeable(appointmentId);
        Instant now = clock.instant();
        if (!repository.end(appointmentId, status, now, by, why, null)) {
            throw new InvalidInputException("status", "This appointment was changed by someone else just now; reload it.");
        }
        referrals.advance(new ReferralId(appointment.referralId()), ReferralStatus.WAITING,
                status.label().toLowerCase() + ": " + why);
        waitingList.returned(appointment.referralId(), status.label().toLowerCase() + ": " + why);
        repository.recordChange(appointmentId, status.name(), now, by, why);
        audit.record(AuditAction.UPDATE, Bookings.RECORD_TYPE, appointmentId, appointment.patientId(),
                status + " by " + by + ": " + why);
        events.publishEvent(new AppointmentCancelled(appointmentId, appointment.referralId(), appointment.patientId(),
                appointment.slotId(), appointment.start(), status, why));
        return repository.find(appointmentId).orElseThrow();
    }

    /** Checks the slot suits the patient and is safe at its start, then inserts; the database has the last word. */
    private Appointment place(Candidate candidate, UUID slotId, String by) {
        if (slotId == null) {
            throw new InvalidInputException("slotId", "Choose a slot.");
        }
        Slot slot = sessions.slot(slotId).orElseThrow(() -> new InvalidInputException("slotId", "There is no such slot."));
        candidate.requireFundedOn(LocalDate.ofInstant(slot.start(), clock.getZone()), "slotId");
        if (!slots.suits(candidate, slot)) {
            throw new InvalidInputException("slotId", "This slot does not suit the patient: check the guidance, operator, "
                    + "length, the dates they can be booked and the days they are away.");
        }
        if (!repository.takenSlots(List.of(slotId)).isEmpty()) {
            throw new InvalidInputException("slotId", SLOT_TAKEN);
        }
        LocalDateTime start = LocalDateTime.ofInstant(slot.start(), clock.getZone());
        BookingCheck check = protocols.checkAt(new ReferralId(candidate.referral().id().value()), start);
        if (!check.allowed()) {
            throw new InvalidInputException("slotId", "The safety checks do not allow this start: "
                    + String.join(" ", check.problems()));
        }
        Slot linked = null;
        if (candidate.oneStopVisit(slot)) {
            linked = sessions.following(slot).orElseThrow(() -> new InvalidInputException("slotId", "A one-stop visit "
                    + "needs this slot and the one after it for the injection, and there is none. Choose another slot."));
        }
        List<UUID> held = linked == null ? List.of(slot.id()) : List.of(slot.id(), linked.id());
        sessions.lockForBooking(held);
        if (!repository.takenSlots(held).isEmpty()) {
            throw new InvalidInputException("slotId", SLOT_TAKEN);
        }
        Appointment appointment = new Appointment(UUID.randomUUID(), candidate.referral().id().value(),
                candidate.entry().patientId(), slot.id(), linked == null ? null : linked.id(), slot.roomId(),
                slot.operatorId(), slot.start(), linked == null ? slot.end() : linked.end(),
                AppointmentStatus.BOOKED, String.join("\n", SlotFinder.plan(check)), clock.instant(), by, null,
                null, null, null);
        try {
            repository.insert(appointment);
        }
        catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
            String state = sqlState(e);
            // A deadlock between two bookings checking the exclusion constraints: one of them won the slot.
            if (DEADLOCK.equals(state) || EXCLUSION_VIOLATION.equals(state)) {
                throw new InvalidInputException("slotId", SLOT_TAKEN);
            }
            if (UNIQUE_VIOLATION.equals(state)) {
                throw new InvalidInputException("slotId", "This patient already has an appointment; move it instead.");
            }
            throw e;
        }
        return appointment;
    }

    private Appointment changeable(UUID id) {
        return repository.find(id)
                .orElseThrow(() -> new InvalidInputException("appointmentId", "There is no such appointment."))
                .requireChangeable();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
