package org.synovia.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.referral.ReferralId;
import org.synovia.safety.MedicationPlan;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.AcceptedProtocols.BookingCheck;

/**
 * Finds the earliest slots that suit a waiting patient's accepted protocol and are safe at their start. The database
 * narrows the open slots to those that fit (room guidance, operator competence, grade or name, length, the patient's
 * dates and days away); the safety engine then checks each start, at most {@link #MAX_SLOTS_CHECKED} slots a search.
 */
@Service
public class SlotFinder {

    /** Open slots tested against the safety engine per search; enough for 12 weeks of lists. */
    static final int MAX_SLOTS_CHECKED = 400;

    private final Candidates candidates;
    private final Sessions sessions;
    private final AppointmentRepository repository;
    private final AcceptedProtocols protocols;
    private final AuditTrail audit;
    private final Clock clock;

    SlotFinder(Candidates candidates, Sessions sessions, AppointmentRepository repository, AcceptedProtocols protocols,
            AuditTrail audit, Clock clock) {
        this.candidates = candidates;
        this.sessions = sessions;
        this.repository = repository;
        this.protocols = protocols;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The earliest slots that suit this patient's accepted protocol: right guidance and room, a competent
     * operator of the grade (or the named one), long enough, inside the entry's earliest and latest dates,
     * not while the patient is away, free, and passing the safety engine at that start.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public SlotSearch search(UUID referralId, int wanted) {
        return find(referralId, wanted);
    }

    /**
     * As {@link #search}, but the first slots on or after {@code day} (today when null). A day before the earliest this
     * patient may be booked (today, or the earliest date safety and policy set at vetting) is not searched: the search
     * starts at that earliest day instead, and the answer says why.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public DatedSlotSearch searchFrom(UUID referralId, int wanted, LocalDate day) {
        Candidate candidate = candidates.of(referralId);
        LocalDate earliest = candidate.query().from();
        LocalDate today = LocalDate.now(clock);
        String constraints = candidate.entry().dateConstraints();
        String why = earliest.isAfter(today) && constraints != null && !constraints.isBlank() ? constraints.strip()
                : earliest.isAfter(today) ? "The earliest date was set when the referral was vetted."
                : "Appointments cannot be booked in the past.";
        SlotSearch search = find(candidate, wanted, day);
        return new DatedSlotSearch(search, day, day == null || day.isBefore(earliest) ? earliest : day, earliest, why,
                candidate.query().to());
    }

    SlotSearch find(UUID referralId, int wanted) {
        return find(candidates.of(referralId), wanted, null);
    }

    private SlotSearch find(Candidate candidate, int wanted, LocalDate day) {
        UUID referralId = candidate.referral().id().value();
        String unfunded = candidate.entry().funding().refusalOn(LocalDate.now(clock));
        if (unfunded != null) {
            audit.record(AuditAction.SEARCH, Bookings.RECORD_TYPE, referralId, candidate.entry().patientId(),
                    "no slots offered: " + candidate.entry().funding().state());
            return new SlotSearch(List.of(), 0, List.of(unfunded));
        }
        List<Slot> open = sessions.openSlots(candidate.query().startingFrom(day));
        Set<UUID> taken = repository.takenSlots(open.stream().map(Slot::id).toList());
        AcceptedProtocols.StartChecker checker = protocols.checker(new ReferralId(referralId));
        // The engine's answer depends on the start alone: rooms running side by side are asked about once.
        Map<LocalDateTime, BookingCheck> checked = new HashMap<>();
        List<SlotOffer> offers = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<String, SlotSearch.StopAt> stops = new LinkedHashMap<>();
        int examined = 0;
        for (Slot slot : open) {
            if (offers.size() >= wanted || examined >= MAX_SLOTS_CHECKED) {
                break;
            }
            if (taken.contains(slot.id())) {
                continue;
            }
            Optional<Slot> linked = candidate.oneStopVisit(slot) ? freeFollowing(slot) : Optional.empty();
            if (candidate.oneStopVisit(slot) && linked.isEmpty()) {
                continue;
            }
            examined++;
            LocalDateTime start = LocalDateTime.ofInstant(slot.start(), clock.getZone());
            BookingCheck check = checked.computeIfAbsent(start, checker::check);
            if (check.allowed()) {
                offers.add(new SlotOffer(slot, linked.orElse(null), start, plan(check)));
            }
            else {
                if (refused.size() < 3) {
                    refused.add(start.toLocalDate() + " " + start.toLocalTime() + ": " + check.problems().getFirst());
                }
                check.blockingStops().forEach(f -> stops.putIfAbsent(f.ruleId(), new SlotSearch.StopAt(f, start)));
            }
        }
        audit.record(AuditAction.SEARCH, Bookings.RECORD_TYPE, referralId, candidate.entry().patientId(),
                offers.size() + " slots offered of " + examined + " examined");
        return new SlotSearch(offers, examined, refused, List.copyOf(stops.values()));
    }

    /** The slots an offer holds out (a freed slot, or a plan's proposal and alternatives) that nobody has taken. */
    SlotSearch offered(List<UUID> slotIds) {
        Map<UUID, Slot> slots = sessions.slots(slotIds);
        Set<UUID> taken = repository.takenSlots(slotIds);
        List<SlotOffer> offers = slotIds.stream().map(slots::get)
                .filter(s -> s != null && s.withdrawnReason() == null && !taken.contains(s.id()))
                .map(s -> new SlotOffer(s, null, LocalDateTime.ofInstant(s.start(), clock.getZone()), List.<String>of()))
                .toList();
        return new SlotSearch(offers, slotIds.size(), List.of());
    }

    /**
     * Whether this slot suits the patient as the search would have it: on a day they may be booked, and among the open
     * slots of that day that fit their protocol (guidance, operator, length, days away). Free or taken is not asked.
     */
    boolean suits(Candidate candidate, Slot slot) {
        LocalDate day = LocalDate.ofInstant(slot.start(), clock.getZone());
        return candidate.bookableOn(day)
                && sessions.openSlots(candidate.query().onDay(day)).stream().anyMatch(s -> s.id().equals(slot.id()));
    }

    private Optional<Slot> freeFollowing(Slot slot) {
        return sessions.following(slot).filter(next -> repository.takenSlots(List.of(next.id())).isEmpty());
    }

    /** What the patient is told to do with their medicines for the start this check was made at. */
    static List<String> plan(BookingCheck check) {
        return check.assessment().medicationPlans().stream().map(MedicationPlan::patientInstruction).toList();
    }
}
