package org.synovia.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.Guidance;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.AcceptedProtocols.BookingCheck;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;

/**
 * Slots given back by cancellations and moves, and the waiting patients each suits: listed for the clerk, and offered
 * by a link to one patient after a cancellation when {@code synovia.booking.offer-freed-slots} is on. The planner
 * chooses who comes first when it is there ({@link FreedSlotChooser}); otherwise the most overdue patient it suits.
 */
@Service
public class FreedSlots {

    private final Candidates candidates;
    private final SlotFinder slots;
    private final AppointmentRepository repository;
    private final Sessions sessions;
    private final WaitingList waitingList;
    private final AcceptedProtocols protocols;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final BookingProperties properties;
    private final ObjectProvider<FreedSlotChooser> chooser;
    private final Referrals referrals;
    private final Patients patients;
    private final Clock clock;

    FreedSlots(Candidates candidates, SlotFinder slots, AppointmentRepository repository, Sessions sessions,
            WaitingList waitingList, AcceptedProtocols protocols, AuditTrail audit, ApplicationEventPublisher events,
            BookingProperties properties, ObjectProvider<FreedSlotChooser> chooser, Referrals referrals,
            Patients patients, Clock clock) {
        this.referrals = referrals;
        this.patients = patients;
        this.candidates = candidates;
        this.slots = slots;
        this.repository = repository;
        this.sessions = sessions;
        this.waitingList = waitingList;
        this.protocols = protocols;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.chooser = chooser;
        this.clock = clock;
    }

    /**
     * Slots freed by cancellations and moves that are still free, each with up to {@code perSlot} waiting
     * patients it suits (same tests as the slot search, safety at that start included), most overdue first. Only
     * the patients who might take one of the slots are read (picked in SQL), and only those shown are audited, one
     * line each (ADR 0123).
     */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public List<FreedSlot> freedSlots(int perSlot) {
        List<UUID> freedIds = repository.freedSlots(clock.instant());
        Map<UUID, Slot> slotsById = sessions.slots(freedIds);
        List<Slot> live = freedIds.stream().map(slotsById::get).filter(s -> s != null && s.withdrawnReason() == null).toList();
        if (live.isEmpty()) {
            return List.of();
        }
        Facts facts = new Facts(pool(live, null));
        Map<UUID, FreedSlotChooser.Choice> choices = choices(live.stream().map(Slot::id).toList(), null);
        List<FreedSlot> freed = new ArrayList<>();
        Map<UUID, WaitingListEntry> shown = new LinkedHashMap<>();
        for (Slot slot : live) {
            LocalDateTime start = LocalDateTime.ofInstant(slot.start(), clock.getZone());
            FreedSlotChooser.Choice choice = choices.get(slot.id());
            List<FreedSlot.Candidate> suited = candidatesFor(slot, chosenFirst(facts.pool, choice), perSlot, choice, facts);
            suited.forEach(c -> shown.put(c.referralId(), facts.entries.get(c.referralId())));
            freed.add(new FreedSlot(slot, start, suited));
        }
        audit.recordPerPatient(AuditAction.LIST, WaitingList.RECORD_TYPE, shown.values(), WaitingListEntry::referralId,
                WaitingListEntry::patientId, "freed slots with the waiting patients each suits");
        return freed;
    }

    /**
     * Offers a slot freed by a cancellation to the waiting patient the planner chooses for it (or, without a planner or
     * when its choice no longer passes the checks, the most overdue patient it suits), not the one who cancelled, by a
     * link that stands for {@code offer-hours}; runs as the system after the cancellation. Only the patient offered
     * the slot is audited, by the offer's own line (ADR 0123).
     */
    @Transactional
    void offerFreedSlot(AppointmentCancelled cancelled) {
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(3_600L * properties.offerHours());
        Slot slot = sessions.slot(cancelled.slotId()).orElseThrow();
        if (slot.withdrawnReason() != null || slot.start().isBefore(expires)
                || !repository.takenSlots(List.of(slot.id())).isEmpty()) {
            return;
        }
        FreedSlotChooser.Choice choice = choices(List.of(slot.id()), cancelled.referralId()).get(slot.id());
        Facts facts = new Facts(pool(List.of(slot), cancelled.referralId()));
        candidatesFor(slot, chosenFirst(facts.pool, choice), 1, choice, facts).stream().findFirst().ifPresent(next -> {
            UUID id = UUID.randomUUID();
            UUID patientId = facts.entries.get(next.referralId()).patientId();
            String reason = next.choiceReason() != null ? next.choiceReason() : "the most overdue patient it suits";
            // One offer per cancellation: the event handled again (a restart, a second instance) offers nothing.
            if (!repository.insertFreedSlotOffer(id, next.referralId(), patientId, now, CurrentUser.username(),
                    expires, slot.id(), cancelled.appointmentId(), reason)) {
                return;
            }
            audit.record(AuditAction.CREATE, BookingInvitations.RECORD_TYPE, id, patientId, "freed slot offered: " + reason);
            events.publishEvent(new BookingInvited(id, next.referralId(), patientId, slot.start(), expires));
        });
    }

    /** Those waiting who might take one of these slots (guidance, earliest and latest dates), most overdue first. */
    private List<WaitingListEntry> pool(List<Slot> freed, UUID excludedReferralId) {
        Set<Guidance> guidance = new HashSet<>();
        freed.forEach(s -> guidance.addAll(s.roomGuidance()));
        List<LocalDate> days = freed.stream().map(s -> LocalDate.ofInstant(s.start(), clock.getZone())).sorted().toList();
        return waitingList.candidatesAuditedByCaller(guidance, days.getFirst(), days.getLast(), excludedReferralId);
    }

    private Map<UUID, FreedSlotChooser.Choice> choices(Collection<UUID> slotIds, UUID excludedReferralId) {
        FreedSlotChooser planner = chooser.getIfAvailable();
        return planner == null || slotIds.isEmpty() ? Map.of() : planner.choose(slotIds, excludedReferralId);
    }

    /** The waiting list with the chosen patient moved to the front; the rest keep their most-overdue order. */
    private static List<WaitingListEntry> chosenFirst(List<WaitingListEntry> waiting, FreedSlotChooser.Choice choice) {
        if (choice == null) {
            return waiting;
        }
        List<WaitingListEntry> ordered = new ArrayList<>(waiting.size());
        waiting.stream().filter(e -> e.referralId().equals(choice.referralId())).forEach(ordered::add);
        waiting.stream().filter(e -> !e.referralId().equals(choice.referralId())).forEach(ordered::add);
        return ordered;
    }

    /**
     * Waiting patients (in the order given) whom this slot suits and is safe for at its start; the planner's choice,
     * when it passes, carries its reason. Referrals, acceptances and patients are read for a batch of the next
     * patients at once, so a slot that suits the first few costs the same statements however long the list.
     */
    private List<FreedSlot.Candidate> candidatesFor(Slot slot, List<WaitingListEntry> waiting, int limit,
            FreedSlotChooser.Choice choice, Facts facts) {
        LocalDateTime start = LocalDateTime.ofInstant(slot.start(), clock.getZone());
        LocalDate day = start.toLocalDate();
        List<WaitingListEntry> possible = waiting.stream().filter(e -> slot.roomGuidance().contains(e.guidance())
                && e.funding().allowsTreatmentOn(day)).toList();
        List<FreedSlot.Candidate> suited = new ArrayList<>();
        for (int i = 0; i < possible.size() && suited.size() < limit; i++) {
            WaitingListEntry entry = possible.get(i);
            read(facts, possible.subList(i, Math.min(possible.size(), i + BATCH)));
            Referral referral = facts.referrals.get(new ReferralId(entry.referralId()));
            AcceptedProtocols.AcceptedProtocol accepted = facts.accepted.get(new ReferralId(entry.referralId()));
            Patient patient = facts.patients.get(new PatientId(entry.patientId()));
            if (referral == null || accepted == null || patient == null
                    || !slots.suits(candidates.of(referral, entry, accepted), slot)) {
                continue;
            }
            BookingCheck check = protocols.checker(referral, patient, accepted).check(start);
            if (check.allowed()) {
                suited.add(new FreedSlot.Candidate(entry.referralId(), entry.patientName(), entry.siteName(),
                        entry.breachDate(), SlotFinder.plan(check),
                        choice != null && choice.referralId().equals(entry.referralId()) ? choice.reason() : null));
            }
        }
        return suited;
    }

    /** Reads the referrals, acceptances and records of these patients not read yet, when the first is not. */
    private void read(Facts facts, List<WaitingListEntry> next) {
        if (facts.read.contains(next.getFirst().referralId())) {
            return;
        }
        List<WaitingListEntry> unread = next.stream().filter(e -> facts.read.add(e.referralId())).toList();
        List<ReferralId> ids = unread.stream().map(e -> new ReferralId(e.referralId())).toList();
        facts.referrals.putAll(referrals.showAllAuditedByCaller(ids));
        facts.accepted.putAll(protocols.forReferrals(ids));
        facts.patients.putAll(patients.findAllAuditedByCaller(unread.stream().map(e -> new PatientId(e.patientId())).toList()));
    }

    /** Patients whose referral, acceptance and record are read together when the first of them is looked at. */
    private static final int BATCH = 20;

    /**
     * What a view has read of its possible candidates: the entries picked in SQL, and the referrals, acceptances and
     * patients of those looked at so far, read a batch at a time. Not audited here: the view audits those it shows.
     */
    private static final class Facts {
        private final List<WaitingListEntry> pool;
        private final Map<UUID, WaitingListEntry> entries = new HashMap<>();
        private final Map<ReferralId, Referral> referrals = new HashMap<>();
        private final Map<ReferralId, AcceptedProtocols.AcceptedProtocol> accepted = new HashMap<>();
        private final Map<PatientId, Patient> patients = new HashMap<>();
        private final Set<UUID> read = new HashSet<>();

        Facts(List<WaitingListEntry> pool) {
            this.pool = pool;
            pool.forEach(e -> entries.put(e.referralId(), e));
        }
    }
}
