package org.synovia.waitinglist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.audit.AuditedByCaller;
import org.synovia.shared.Guidance;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/** Puts accepted referrals on the list, works out their breach dates, and shows the list. */
@Service
public class WaitingList {

    public static final String RECORD_TYPE = "WaitingListEntry";

    /** Entries on one page of the list: a clinic's list runs to thousands, a page is read and audited 50 at a time. */
    public static final int PAGE_SIZE = 50;

    private final WaitingListRepository repository;
    private final WaitingListProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    WaitingList(WaitingListRepository repository, WaitingListProperties properties, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Called by vetting inside the acceptance transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public WaitingListEntry add(NewWaitingListEntry entry) {
        WaitingStandard standard = WaitingStandard.applicableTo(entry.priority(), entry.diagnosticOnly());
        int weeks = properties.weeksFor(standard);
        LocalDate breach = breachDate(entry.clockStart(), weeks);
        repository.insert(entry, standard, weeks, breach, clock.instant(), CurrentUser.username());
        audit.record(AuditAction.CREATE, RECORD_TYPE, entry.referralId(), entry.patientId(),
                standard + " breach " + breach);
        return repository.find(entry.referralId()).orElseThrow();
    }

    /** The breach date: the clock start plus the target in weeks (facts WT-01..02). */
    public static LocalDate breachDate(LocalDate clockStart, int targetWeeks) {
        return clockStart.plusWeeks(targetWeeks);
    }

    @Transactional
    public List<WaitingListEntry> waiting(WaitingListFilter filter) {
        List<WaitingListEntry> entries = repository.waiting(filter);
        audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, entries, WaitingListEntry::referralId,
                WaitingListEntry::patientId, "waiting-list entries shown");
        return entries;
    }

    /**
     * Everyone waiting whom the filter selects, in the list's order, not audited here: the caller records one line
     * for each patient it shows (the session planner's proposal shows every patient it read).
     */
    @AuditedByCaller
    @Transactional(propagation = Propagation.MANDATORY)
    public List<WaitingListEntry> waitingAuditedByCaller(WaitingListFilter filter) {
        return repository.waiting(filter);
    }

    /**
     * Those waiting who might take a slot with one of these guidances between {@code first} and {@code last}, all
     * but {@code excludedReferralId} (or none), in the list's order; picked in SQL by guidance and by the earliest
     * and latest dates, so a freed slot reads its possible candidates, not the whole list (ADR 0123). Only a necessary
     * condition: the caller checks each as booking does, and audits only those it shows or offers.
     */
    @AuditedByCaller
    @Transactional(propagation = Propagation.MANDATORY)
    public List<WaitingListEntry> candidatesAuditedByCaller(Set<Guidance> guidance, LocalDate first, LocalDate last,
            UUID excludedReferralId) {
        return guidance.isEmpty() ? List.of() : repository.candidates(guidance, first, last, excludedReferralId);
    }

    /**
     * One page of the list in breach-date order, after {@code after} when given, with the counts of all the filter
     * selects (read without the patients, so not audited). Only the patients shown are audited. Two statements and
     * one audit insert, however long the list.
     */
    @Transactional
    public WaitingListPage page(WaitingListFilter filter, WaitingListCursor after) {
        List<WaitingListEntry> read = repository.waitingPage(filter, after, PAGE_SIZE + 1);
        List<WaitingListEntry> shown = read.size() > PAGE_SIZE ? read.subList(0, PAGE_SIZE) : read;
        audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, shown, WaitingListEntry::referralId,
                WaitingListEntry::patientId, "waiting-list entries shown");
        WaitingListCursor next = read.size() > PAGE_SIZE ? WaitingListCursor.after(shown.getLast()) : null;
        return new WaitingListPage(shown, countsOf(repository.breachDates(filter)), next);
    }

    @Transactional
    public Optional<WaitingListEntry> entry(UUID referralId) {
        Optional<WaitingListEntry> entry = repository.find(referralId);
        entry.ifPresent(e -> audit.record(AuditAction.READ, RECORD_TYPE, e.referralId(), e.patientId(), null));
        return entry;
    }

    /** Records dates the patient cannot attend; booking will avoid them. */
    @Transactional
    public void setUnavailability(UUID referralId, LocalDate from, LocalDate to) {
        if ((from == null) != (to == null)) {
            throw new InvalidInputException("unavailableFrom", "Give both the first and the last day the patient is away.");
        }
        if (from != null && to.isBefore(from)) {
            throw new InvalidInputException("unavailableTo", "The last day cannot be before the first.");
        }
        WaitingListEntry entry = repository.find(referralId)
                .orElseThrow(() -> new InvalidInputException("referralId", "This referral is not on the waiting list."));
        repository.setUnavailability(referralId, from, to);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, referralId, entry.patientId(), "unavailable " + from + " to " + to);
    }

    /** Booking took the patient off the list (called inside the booking transaction). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void booked(UUID referralId, String detail) {
        move(referralId, "WAITING", "BOOKED", detail);
    }

    /** A cancelled or missed appointment puts the patient back on the list with their original clock start. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void returned(UUID referralId, String detail) {
        move(referralId, "BOOKED", "WAITING", detail);
    }

    private void move(UUID referralId, String from, String to, String detail) {
        WaitingListEntry entry = repository.find(referralId)
                .orElseThrow(() -> new InvalidInputException("referralId", "This referral is not on the waiting list."));
        if (!repository.changeStatus(referralId, from, to)) {
            throw new InvalidInputException("referralId", "This patient is not " + from.toLowerCase() + " on the list.");
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, referralId, entry.patientId(), from + " -> " + to + ": " + detail);
    }

    /** How many are past or near their breach date, for the page header, from the count on each breach date. */
    private BreachCounts countsOf(Map<LocalDate, Long> entriesByBreachDate) {
        LocalDate today = LocalDate.now(clock);
        long total = 0;
        long breached = 0;
        long near = 0;
        for (Map.Entry<LocalDate, Long> date : entriesByBreachDate.entrySet()) {
            total += date.getValue();
            switch (WaitingListEntry.breachRisk(date.getKey(), today, properties.nearBreachDays())) {
                case BREACHED -> breached += date.getValue();
                case NEAR -> near += date.getValue();
                case WITHIN -> { }
            }
        }
        return new BreachCounts(total, breached, near, properties.nearBreachDays());
    }

    public record BreachCounts(long total, long breached, long nearBreach, int nearBreachDays) {
    }
}
