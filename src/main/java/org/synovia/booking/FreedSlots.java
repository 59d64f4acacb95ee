package org.synovia.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.referral.ReferralId;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.shared.CurrentUser;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.AcceptedProtocols.BookingCheck;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;
import org.synovia.waitinglist.WaitingListFilter;

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
    private final Clock clock;

    FreedSlots(Candidates candidates, SlotFinder slots, AppointmentRepository repository, Sessions sessions,
            WaitingList waitingList, AcceptedProtocols protocols, AuditTrail audit, ApplicationEventPublisher events,
            BookingProperties properties, ObjectProvider<FreedSlotChooser> chooser, Clock clock) {
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
     * patients it suits (same tests as the slot search, safety at that start included), most overdue first.
     */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public List<FreedSlot> freedSlots(int perSlot) {
        List<WaitingListEntry> waiting = waitingList.waiting(WaitingListFilter.ALL);
        List<UUID> freedIds = repository.freedSlots(clock.instant());
        Map<UUID, FreedSlotChooser.Choice> choices = choices(freedIds, null);
        List<FreedSlot> freed = new ArrayList<>();
        for (UUID slotId : freedIds) {
            Slot slot = sessions.slot(slotId).orElseThrow();
            if (slot.withdrawnReason() != null) {
                continue;
            }
            LocalDateTime start = LocalDateTime.ofInstant(slot.start(), clock.getZone());
            FreedSlotChooser.Choice choice = choices.get(slotId);
            freed.add(new FreedSlot(slot, start, candidatesFor(slot, chosenFirst(waiting, choice), perSlot, choice)));
        }
        return freed;
    }

    /**
     * Offers a slot freed by a cancellation to the waiting patient the planner chooses for it (or, without a planner or
     * when its choice no longer passes the checks, the most overdue patient it suits), not the one who cancelled, by a
     * link that stands for {@code offer-hours}; runs as the system after the cancellation.
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
        List<WaitingListEntry> others = waitingList.waiting(WaitingListFilter.ALL).stream()
                .filter(e -> !e.referralId().equals(cancelled.referralId())).toList();
        candidatesFor(slot, chosenFirst(others, choice), 1, choice).stream().findFirst().ifPresent(next -> {
            UUID id = UUID.randomUUID();
            UUID patientId = waitingList.entry(next.referralId()).orElseThrow().patientId();
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
     * when it passes, carries its reason.
     */
    private List<FreedSlot.Candidate> candidatesFor(Slot slot, List<WaitingListEntry> waiting, int limit,
            FreedSlotChooser.Choice choice) {
        LocalDateTime start = LocalDateTime.ofInstant(slot.start(), clock.getZone());
        LocalDate day = start.toLocalDate();
        List<FreedSlot.Candidate> suited = new ArrayList<>();
        for (WaitingListEntry entry : waiting) {
            if (suited.size() >= limit || !slot.roomGuidance().contains(entry.guidance())
                    || !entry.funding().allowsTreatmentOn(day)) {
                continue;
            }
            if (!slots.suits(candidates.of(entry.referralId()), slot)) {
                continue;
            }
            BookingCheck check = protocols.checkAt(new ReferralId(entry.referralId()), start);
            if (check.allowed()) {
                suited.add(new FreedSlot.Candidate(entry.referralId(), entry.patientName(), entry.siteName(),
                        entry.breachDate(), SlotFinder.plan(check),
                        choice != null && choice.referralId().equals(entry.referralId()) ? choice.reason() : null));
            }
        }
        return suited;
    }
}
