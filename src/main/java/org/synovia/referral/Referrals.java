package org.synovia.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.catalogue.Catalogue;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Submits, lists, shows and withdraws referrals. A referrer sees only the referrals they submitted;
 * radiologists, nurses and booking clerks see all. Every access is audited.
 */
@Service
public class Referrals {

    static final String RECORD_TYPE = "Referral";
    private static final int LIST_LIMIT = 200;
    // INTEGRATION: a hospital system on the FHIR API, whose scopes were checked where it came in.
    private static final String[] SEE_ALL_ROLES = {"RADIOLOGIST", "NURSE", "BOOKING", "INTEGRATION"};

    private final ReferralRepository repository;
    private final Catalogue catalogue;
    private final Patients patients;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    Referrals(ReferralRepository repository, Catalogue catalogue, Patients patients, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock, JsonMapper json) {
        this.json = json;
        this.repository = repository;
        this.catalogue = catalogue;
        this.patients = patients;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a referral once per {@code submissionKey}: a form submitted twice (a double click, a
     * resent request) returns the referral the first submission made.
     */
    @Transactional
    public Referral submit(UUID submissionKey, ReferralDetails details) {
        Objects.requireNonNull(submissionKey, "submissionKey");
        Optional<ReferralId> earlier = repository.findBySubmissionKey(submissionKey);
        if (earlier.isPresent()) {
            return show(earlier.get());
        }
        ReferralValidation.check(details, LocalDate.now(clock), catalogue::site);
        if (details.patientId() != null && patients.find(new PatientId(details.patientId())).isEmpty()) {
            throw new InvalidInputException("patientId", "This patient is not registered.");
        }
        ReferralId id = ReferralId.random();
        // Cut to what PostgreSQL stores, so that the referral returned is the one a later read gives.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String by = CurrentUser.username();
        if (!repository.insertOnce(id, submissionKey, details, now, by)) {
            return show(repository.findBySubmissionKey(submissionKey).orElseThrow());
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, id, details.patientId(), "submitted " + details.targets().stream()
                .map(ReferralDetails.Target::siteCode).collect(Collectors.joining(" + ")));
        events.publishEvent(new ReferralReceived(id, details.patientId(), details.siteCode(), details.intent(),
                details.urgency(), now));
        // Exactly the row just inserted: reading it back cost five statements per order (issue 16).
        return new Referral(id, details, ReferralStatus.SUBMITTED, null, now, by, now, by);
    }

    /** The referral, if the current user may see it; otherwise {@link ReferralNotFoundException}. */
    @Transactional
    public Referral show(ReferralId id) {
        Referral referral = repository.find(id).filter(this::visibleToCurrentUser)
                .orElseThrow(() -> new ReferralNotFoundException(id));
        audit.record(AuditAction.READ, RECORD_TYPE, id, referral.details().patientId(), null);
        return referral;
    }

    /**
     * These referrals, as far as the current user may see them, keyed by id: for a page that shows many (the day
     * list). Read in a fixed number of statements and audited as one list.
     */
    @Transactional
    public Map<ReferralId, Referral> showAll(Collection<ReferralId> ids) {
        Map<ReferralId, Referral> found = showAllAuditedByCaller(ids);
        if (!found.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, found.values(), r -> r.id().value(),
                    r -> r.details().patientId(), "referrals read for a list");
        }
        return found;
    }

    /**
     * As {@link #showAll}, not audited here: the caller records one line per patient for everything its page read
     * ({@link org.synovia.audit.AuditTrail#recordPerPatient}) in the same transaction, which is therefore required.
     */
    @org.synovia.audit.AuditedByCaller
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<ReferralId, Referral> showAllAuditedByCaller(Collection<ReferralId> ids) {
        Map<ReferralId, Referral> found = new LinkedHashMap<>();
        repository.findAll(ids.stream().map(ReferralId::value).distinct().toList()).stream()
                .filter(this::visibleToCurrentUser).forEach(r -> found.put(r.id(), r));
        return found;
    }

    @Transactional
    public List<ReferralSummary> list(ReferralFilter filter) {
        String onlyMine = seesAll() ? null : CurrentUser.username();
        List<ReferralSummary> found = repository.list(filter, onlyMine, LIST_LIMIT);
        audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, found, s -> s.id().value(), ReferralSummary::patientId,
                "referrals shown");
        return found;
    }

    /**
     * Referrals the current user may see, narrowed by patient, statuses and submission time (each may be
     * null), newest first: the FHIR ServiceRequest search.
     */
    @Transactional
    public List<Referral> search(UUID patientId, java.util.Set<ReferralStatus> statuses, java.time.Instant submittedFrom,
            java.time.Instant submittedBefore) {
        List<Referral> found = repository.search(patientId, statuses, submittedFrom, submittedBefore, LIST_LIMIT).stream()
                .filter(this::visibleToCurrentUser).toList();
        audit.record(AuditAction.SEARCH, RECORD_TYPE, null, patientId, found.size() + " referrals found: "
                + found.stream().map(r -> r.id().toString()).collect(Collectors.joining(",")));
        return found;
    }

    /** Referrals waiting for a radiologist: urgent first, then the oldest. */
    @Transactional
    public List<ReferralSummary> vettingQueue() {
        List<ReferralSummary> queue = repository.vettingQueue(LIST_LIMIT);
        // One line per patient shown, so that each patient's access history names the queue (issue 16).
        audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, queue, s -> s.id().value(), ReferralSummary::patientId,
                "vetting queue");
        return queue;
    }

    public List<InformationRequest> informationRequests(ReferralId id) {
        return repository.informationRequests(id);
    }

    /**
     * The questions asked on these referrals, as far as the current user may see them, oldest first, in one read
     * whatever their number: what waits for a referrer on their referrals. The caller has read the referrals
     * themselves, which audited the access.
     */
    public List<InformationRequest> informationRequests(Collection<ReferralId> ids) {
        return ids.isEmpty() ? List.of() : repository.informationRequests(ids, seesAll() ? null : CurrentUser.username());
    }

    /** A radiologist accepts the referral; it goes straight onto the waiting list. */
    @Transactional
    public void accept(ReferralId id, String summary) {
        transition(id, ReferralStatus.ACCEPTED, summary);
        transition(id, ReferralStatus.WAITING, summary);
    }

    @Transactional
    public void reject(ReferralId id, String reason) {
        transition(id, ReferralStatus.REJECTED, reason);
    }

    /** A radiologist asks the referrer a question; the referral leaves the queue until answered. */
    @Transactional
    public void requestInformation(ReferralId id, String question) {
        String asked = required(question, "question", "Write the question for the referrer.", 2000);
        transition(id, ReferralStatus.MORE_INFORMATION_REQUESTED, asked);
        repository.insertInformationRequest(UUID.randomUUID(), id, asked, CurrentUser.username(), clock.instant());
    }

    /** The referrer answers the open question; the referral returns to the vetting queue. */
    @Transactional
    public void answerInformation(ReferralId id, String answer) {
        Referral referral = show(id);
        if (!referral.submittedBy().equals(CurrentUser.username())) {
            throw new InvalidInputException("answer", "Only the referrer who submitted this referral can answer.");
        }
        String given = required(answer, "answer", "Write your answer.", 4000);
        if (!repository.answerOpenInformationRequest(id, given, CurrentUser.username(), clock.instant())) {
            throw new InvalidInputException("answer", "There is no open question on this referral.");
        }
        transition(id, ReferralStatus.IN_VETTING, "information provided");
    }

    /** Marks a waiting referral booked or done, or back to waiting (scheduling and procedure issues). */
    @Transactional
    public void advance(ReferralId id, ReferralStatus to, String reason) {
        transition(id, to, reason);
    }

    private void transition(ReferralId id, ReferralStatus to, String reason) {
        Referral referral = repository.find(id).orElseThrow(() -> new ReferralNotFoundException(id));
        if (!referral.status().canMoveTo(to)) {
            throw new InvalidInputException("status", "A referral that is " + referral.status().label().toLowerCase()
                    + " cannot become " + to.label().toLowerCase() + ".");
        }
        var now = clock.instant();
        if (!repository.changeStatus(id, referral.status(), to, reason, now, CurrentUser.username())) {
            throw new InvalidInputException("status", "Someone else changed this referral just now; reload and try again.");
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id, referral.details().patientId(),
                referral.status() + " -> " + to + (reason == null ? "" : ": " + reason));
        events.publishEvent(new ReferralStatusChanged(id, referral.details().patientId(), referral.status(), to, reason,
                CurrentUser.username(), now));
    }

    private static String required(String text, String field, String message, int max) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException(field, message);
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "Use at most " + max + " characters (this has " + value.length() + ").");
        }
        return value;
    }

    /** Statuses in which the details may still be corrected: before the vetting decision. */
    static final java.util.Set<ReferralStatus> AMENDABLE = java.util.EnumSet.of(ReferralStatus.SUBMITTED,
            ReferralStatus.IN_VETTING, ReferralStatus.MORE_INFORMATION_REQUESTED);

    /**
     * Corrects a referral's details before it is vetted (a new creatinine, a blood thinner started). The
     * details as they were are kept with who changed them, when and why; the patient cannot change.
     */
    @Transactional
    public Referral amend(ReferralId id, ReferralDetails details, String reason) {
        Referral referral = show(id);
        if (!referral.submittedBy().equals(CurrentUser.username()) && !CurrentUser.hasRole("RADIOLOGIST")) {
            throw new InvalidInputException("reason", "Only the referrer or a radiologist can change this referral.");
        }
        if (!AMENDABLE.contains(referral.status())) {
            throw new InvalidInputException("status", "A referral that is " + referral.status().label().toLowerCase()
                    + " can no longer be changed; ask the radiologist, or withdraw it and refer again.");
        }
        if (!referral.details().patientId().equals(details.patientId())) {
            throw new InvalidInputException("patientId", "The patient of a referral cannot change; withdraw it and refer again.");
        }
        String why = required(reason, "reason", "Say why the details change.", 1000);
        ReferralValidation.check(details, LocalDate.now(clock), catalogue::site);
        var now = clock.instant();
        repository.insertAmendment(new ReferralAmendment(UUID.randomUUID(), id, now, CurrentUser.username(), why,
                json.writeValueAsString(referral.details())));
        repository.updateDetails(id, details);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id, details.patientId(), "details amended: " + why);
        return repository.find(id).orElseThrow();
    }

    public List<ReferralAmendment> amendments(ReferralId id) {
        return repository.amendments(id);
    }

    /** The referrer, or staff who see all referrals, withdraw a referral that has not ended. */
    @Transactional
    public Referral withdraw(ReferralId id, String reason) {
        Referral referral = show(id);
        String why = required(reason, "reason", "Say why the referral is withdrawn.", 1000);
        if (!referral.status().canMoveTo(ReferralStatus.WITHDRAWN)) {
            throw new InvalidInputException("status", "A referral that is " + referral.status().label().toLowerCase()
                    + " cannot be withdrawn.");
        }
        transition(id, ReferralStatus.WITHDRAWN, why);
        return repository.find(id).orElseThrow();
    }

    private boolean visibleToCurrentUser(Referral referral) {
        return seesAll() || referral.submittedBy().equals(CurrentUser.username());
    }

    private static boolean seesAll() {
        for (String role : SEE_ALL_ROLES) {
            if (CurrentUser.hasRole(role)) {
                return true;
            }
        }
        return CurrentUser.SYSTEM.equals(CurrentUser.username());
    }
}
