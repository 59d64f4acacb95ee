package org.synovia.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.shared.InvalidInputException;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;

/**
 * A whole session called off (its operator is ill, its room out of use): its slots are withdrawn, every appointment in
 * it is cancelled with the reason and its patient returned to the waiting list with their original wait, then each is
 * offered the next slot that suits them by the same search as a single booking. Each patient's cancellation and each
 * rebooking is its own transaction through {@link BookingDesk}, so one patient's failure leaves the others done and the
 * report says which; letters go through the outbox after each commit, as for a single change (ADR 0079).
 */
@Service
public class SessionCancellations {
    private final BookingDesk desk;
    private final SlotFinder slotFinder;
    private final Sessions sessions;
    private final WaitingList waitingList;
    private final AppointmentRepository repository;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SessionCancellations(BookingDesk desk, SlotFinder slotFinder, Sessions sessions, WaitingList waitingList,
            AppointmentRepository repository, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.transaction = transaction;
        this.clock = clock;
        this.desk = desk;
        this.slotFinder = slotFinder;
        this.sessions = sessions;
        this.waitingList = waitingList;
        this.repository = repository;
        this.audit = audit;
    }

    /** One weekly session on one day: its slots and the appointments booked into them. */
    public record SessionList(UUID templateId, LocalDate day, List<Slot> slots, List<BookedProcedure> booked) {

        public SessionList {
            slots = List.copyOf(slots);
            booked = List.copyOf(booked);
        }

        public boolean exists() {
            return !slots.isEmpty();
        }

        public Slot first() {
            return slots.getFirst();
        }
    }

    /** What happened to one patient: done, or the reason it was not. */
    public record PatientOutcome(UUID referralId, String patientName, boolean done, String message) {
    }

    /** The next slot proposed for one patient after their session was cancelled, or why there is none. */
    public record Proposal(UUID referralId, String patientName, String siteName, SlotOffer offer, String problem) {
    }

    /** The session's slots and its booked appointments with patients and procedures, audited per patient. */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'ADMIN', 'NURSE', 'RADIOLOGIST')")
    public SessionList sessionList(UUID templateId, LocalDate day) {
        ZoneId zone = clock.getZone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Slot> slots = sessions.slotsOf(templateId, from, until);
        Set<UUID> slotIds = new HashSet<>(slots.stream().map(Slot::id).toList());
        List<UUID> appointmentIds = repository.activeBetween(from, until).stream()
                .filter(a -> slotIds.contains(a.slotId())).map(Appointment::id).toList();
        List<BookedProcedure> booked = appointmentIds.isEmpty() ? List.of() : repository.bookedProcedures(
                new BookedProcedureQuery(from, until, null, null, null, null, Set.copyOf(appointmentIds)));
        audit.recordPerPatient(AuditAction.LIST, Bookings.RECORD_TYPE, booked, BookedProcedure::appointmentId,
                BookedProcedure::patientId, "session list " + templateId + " on " + day);
        return new SessionList(templateId, day, slots, booked);
    }

    /**
     * Withdraws the session's slots on that day, then cancels each appointment in it with the reason, one patient
     * at a time; returns what happened to each. Nothing of a patient whose cancellation failed is changed.
     */
    @PreAuthorize("hasRole('BOOKING')")
    public List<PatientOutcome> cancelSession(UUID templateId, LocalDate day, String reason) {
        String why = ChangeReasons.required(reason, "Say why the session is cancelled; the patients' letters give it.");
        SessionList session = transaction.execute(status -> sessionList(templateId, day));
        if (!session.exists()) {
            throw new InvalidInputException("templateId", "There is no such session on that day.");
        }
        if (!session.first().start().isAfter(clock.instant())) {
            throw new InvalidInputException("templateId", "This session has begun; cancel its appointments one by one.");
        }
        sessions.withdrawSessionDay(templateId, day, "session cancelled: " + why);
        List<PatientOutcome> outcomes = new ArrayList<>();
        for (BookedProcedure booked : session.booked()) {
            String name = booked.familyName() + ", " + booked.givenName();
            UUID referralId = null;
            try {
                Appointment cancelled = desk.cancel(booked.appointmentId(), "session cancelled: " + why);
                referralId = cancelled.referralId();
                outcomes.add(new PatientOutcome(referralId, name, true,
                        "Cancelled; back on the waiting list with their original wait. A letter is on its way."));
            }
            catch (InvalidInputException e) {
                outcomes.add(new PatientOutcome(referralId, name, false, e.problems().getFirst().message()));
            }
        }
        return outcomes;
    }

    /**
     * For each waiting patient, the next slot that suits them (the same search as a single booking, safety at the
     * start included), no slot proposed to two of them.
     */
    @PreAuthorize("hasRole('BOOKING')")
    public List<Proposal> proposals(List<UUID> referralIds) {
        Set<UUID> proposed = new HashSet<>();
        List<Proposal> proposals = new ArrayList<>();
        for (UUID referralId : new LinkedHashMap<UUID, Boolean>(ids(referralIds)).keySet()) {
            WaitingListEntry entry = waitingList.entry(referralId).orElse(null);
            if (entry == null) {
                proposals.add(new Proposal(referralId, "", "", null, "This referral is not on the waiting list."));
                continue;
            }
            try {
                SlotSearch search = slotFinder.search(referralId, referralIds.size() + 1);
                SlotOffer next = search.offers().stream()
                        .filter(o -> !proposed.contains(o.slot().id())
                                && (o.linkedSlot() == null || !proposed.contains(o.linkedSlot().id())))
                        .findFirst().orElse(null);
                if (next != null) {
                    proposed.add(next.slot().id());
                    if (next.linkedSlot() != null) {
                        proposed.add(next.linkedSlot().id());
                    }
                }
                proposals.add(new Proposal(referralId, entry.patientName(), entry.siteName(), next,
                        next == null ? "No suitable slot is free within the patient's dates." : null));
            }
            catch (InvalidInputException e) {
                proposals.add(new Proposal(referralId, entry.patientName(), entry.siteName(), null,
                        e.problems().getFirst().message()));
            }
        }
        return proposals;
    }

    /** Books each patient into the slot accepted for them, one at a time; returns what happened to each. */
    @PreAuthorize("hasRole('BOOKING')")
    public List<PatientOutcome> rebook(Map<UUID, UUID> slotByReferral) {
        List<PatientOutcome> outcomes = new ArrayList<>();
        slotByReferral.forEach((referralId, slotId) -> {
            String name = waitingList.entry(referralId).map(WaitingListEntry::patientName).orElse("");
            try {
                Appointment booked = desk.book(referralId, slotId);
                outcomes.add(new PatientOutcome(referralId, name, true, "Booked for " + booked.describe(clock.getZone())
                        + ". The appointment letter is on its way."));
            }
            catch (InvalidInputException e) {
                outcomes.add(new PatientOutcome(referralId, name, false, e.problems().getFirst().message()));
            }
        });
        return outcomes;
    }

    private static Map<UUID, Boolean> ids(List<UUID> referralIds) {
        Map<UUID, Boolean> ids = new LinkedHashMap<>();
        referralIds.forEach(id -> ids.put(id, true));
        return ids;
    }
}
