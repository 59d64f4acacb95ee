package org.synovia.waitinglist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/**
 * Permission to treat, as far as money goes (ADR 0072). Vetting's commissioning policy says whether the NHS funds
 * the injection outright or needs prior approval or an individual funding request; an insurer always needs its
 * authorisation. Until the administrator records an approval for the entry's payer, the entry cannot be booked
 * or injected ({@link #requireCleared}, asked by booking and the procedure day). Decisions are never changed: a
 * later one supersedes, and every one is audited. A refusal leaves the patient on the list, flagged.
 */
@Service
public class Funding {

    static final String RECORD_TYPE = "FundingDecision";
    private static final int MAX_REFERENCE = 100;
    private static final int MAX_REASON = 1000;
    private static final int MAX_INSURER = 200;

    private final FundingRepository repository;
    private final WaitingListRepository entries;
    private final AuditTrail audit;
    private final Clock clock;

    Funding(FundingRepository repository, WaitingListRepository entries, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.entries = entries;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Refuses, in words naming the state, when the referral's funding does not cover treatment on {@code day};
     * called inside the sign-in or time-out transaction, whose own reads are audited. A referral that is not on the
     * waiting list has nothing to gate here.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void requireCleared(UUID referralId, LocalDate day, String field) {
        repository.rows(List.of(referralId)).stream().findFirst().ifPresent(row -> {
            String refusal = row.clearance(LocalDate.now(clock)).refusalOn(day);
            if (refusal != null) {
                throw new InvalidInputException(field, refusal);
            }
        });
    }

    /**
     * The funding state of each referral on the list, keyed by referral, in one statement (the day list). Not
     * audited here: the caller records one line per patient for everything its page read
     * ({@link AuditTrail#recordPerPatient}) in the same transaction, which is therefore required.
     */
    @org.synovia.audit.AuditedByCaller
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Map<UUID, FundingClearance> clearancesAuditedByCaller(Collection<UUID> referralIds) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, FundingClearance> byReferral = new LinkedHashMap<>();
        repository.rows(referralIds).forEach(r -> byReferral.put(r.referralId(), r.clearance(today)));
        return byReferral;
    }

    /**
     * The waiting patients whose funding does not allow booking (awaiting, expired or refused), most overdue first:
     * the administrator's work queue. One statement however many wait.
     */
    @Transactional
    public List<WaitingListEntry> needingDecision() {
        List<WaitingListEntry> waiting = entries.waiting(WaitingListFilter.ALL).stream()
                .filter(e -> !e.funding().allowsTreatment()).toList();
        audit.recordPerPatient(AuditAction.LIST, WaitingList.RECORD_TYPE, waiting, WaitingListEntry::referralId,
                WaitingListEntry::patientId, "waiting-list entries needing a funding decision");
        return waiting;
    }

    /** The entry with its funding state, for the funding page. */
    @Transactional
    public WaitingListEntry entryFor(UUID referralId) {
        WaitingListEntry entry = entry(referralId);
        audit.record(AuditAction.READ, WaitingList.RECORD_TYPE, referralId, entry.patientId(), "funding page");
        return entry;
    }

    /** Every decision on the entry, latest first. */
    @Transactional
    public List<FundingDecision> history(UUID referralId) {
        WaitingListEntry entry = entry(referralId);
        List<FundingDecision> decisions = repository.history(referralId);
        audit.record(AuditAction.LIST, RECORD_TYPE, referralId, entry.patientId(), decisions.size() + " funding decisions");
        return decisions;
    }

    /** Records the commissioner's approval or the insurer's authorisation (its number as the reference). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public FundingDecision approve(UUID referralId, String reference, LocalDate decidedOn, LocalDate expiresOn) {
        WaitingListEntry entry = needingDecision(referralId);
        String ref = required(reference, "reference", entry.funding().payer() == Payer.INSURER
                ? "Give the insurer's authorisation number." : "Give the commissioner's approval or IFR reference.",
                MAX_REFERENCE);
        LocalDate today = LocalDate.now(clock);
        decidedOn(decidedOn, today);
        if (expiresOn != null && expiresOn.isBefore(decidedOn)) {
            throw new InvalidInputException("expiresOn", "The approval cannot end before the day it was decided.");
        }
        if (expiresOn != null && expiresOn.isBefore(today)) {
            throw new InvalidInputException("expiresOn", "This approval has already run out: it would not allow booking.");
        }
        return record(entry, FundingDecision.Outcome.APPROVED, ref, decidedOn, expiresOn, null);
    }

    /** Records a refusal with its reason; the patient stays on the list, flagged, and cannot be booked. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public FundingDecision refuse(UUID referralId, String reason, LocalDate decidedOn) {
        WaitingListEntry entry = needingDecision(referralId);
        String why = required(reason, "reason", "Give the reason the funding was refused.", MAX_REASON);
        decidedOn(decidedOn, LocalDate.now(clock));
        return record(entry, FundingDecision.Outcome.REFUSED, null, decidedOn, null, why);
    }

    /**
     * Who pays. A change of payer is a decision about money too, so the administrator makes it: a decision made for
     * one payer does not carry over to another.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public FundingClearance setPayer(UUID referralId, Payer payer, String insurerName) {
        if (payer == null) {
            throw new InvalidInputException("payer", "Choose who pays.");
        }
        String insurer = payer == Payer.INSURER ? required(insurerName, "insurerName", "Name the insurer.", MAX_INSURER) : null;
        WaitingListEntry entry = entry(referralId);
        repository.setPayer(referralId, payer, insurer);
        audit.record(AuditAction.UPDATE, WaitingList.RECORD_TYPE, referralId, entry.patientId(),
                "payer " + entry.funding().payer() + " -> " + payer + (insurer == null ? "" : " (" + insurer + ")"));
        return entries.find(referralId).orElseThrow().funding();
    }

    private FundingDecision record(WaitingListEntry entry, FundingDecision.Outcome outcome, String reference,
            LocalDate decidedOn, LocalDate expiresOn, String reason) {
        FundingDecision decision = new FundingDecision(UUID.randomUUID(), entry.referralId(), entry.funding().payer(),
                outcome, reference, decidedOn, expiresOn, reason, clock.instant(), CurrentUser.username(), null);
        repository.insert(decision, entry.patientId());
        audit.record(AuditAction.CREATE, RECORD_TYPE, decision.id(), entry.patientId(), outcome + " for "
                + entry.funding().payer() + (reference == null ? "" : " ref " + reference)
                + (reason == null ? "" : ": " + reason));
        return decision;
    }

    private WaitingListEntry needingDecision(UUID referralId) {
        WaitingListEntry entry = entry(referralId);
        FundingState state = entry.funding().state();
        if (state == FundingState.FUNDED || state == FundingState.SELF_PAY) {
            throw new InvalidInputException("outcome", "This referral needs no funding decision: "
                    + entry.funding().sentence());
        }
        return entry;
    }

    private WaitingListEntry entry(UUID referralId) {
        WaitingListEntry entry = referralId == null ? null : entries.find(referralId).orElse(null);
        if (entry == null) {
            throw new InvalidInputException("referralId", "This referral is not on the waiting list.");
        }
        return entry;
    }

    private static void decidedOn(LocalDate decidedOn, LocalDate today) {
        if (decidedOn == null) {
            throw new InvalidInputException("decidedOn", "Give the day the decision was made.");
        }
        if (decidedOn.isAfter(today)) {
            throw new InvalidInputException("decidedOn", "The decision cannot be dated in the future.");
        }
    }

    private static String required(String value, String field, String missing, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, missing);
        }
        if (text.length() > max) {
            throw new InvalidInputException(field, "Use at most " + max + " characters.");
        }
        return text;
    }
}
