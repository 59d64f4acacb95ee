package org.synovia.planning;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingInvitations;
import org.synovia.booking.Bookings;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.waitinglist.Priority;

import jakarta.annotation.PreDestroy;

/**
 * Plans the coming weeks for booking staff and books what they accept (ADR 0058). A run reads the problem on the
 * caller's thread (so the read is audited as theirs), then solves on one background thread: one run at a time per
 * instance, each kept in memory until {@code keep-runs-for} after it ends. Nothing is booked by the planner itself:
 * accepting books each chosen placement through {@link Bookings#book} in its own transaction, so the safety engine and
 * the database's double-booking guard decide again at that moment and a slot taken meanwhile is reported, not lost
 * (HAZ-99, HAZ-100).
 */
@Service
public class Plans {

    static final String RECORD_TYPE = "PlanProposal";
    /** Other free slots a booking link may offer besides the proposed one. */
    static final int ALTERNATIVES = 2;
    private static final Logger log = LoggerFactory.getLogger(Plans.class);

    private final PlanningProblems problems;
    private final SessionPlanner planner;
    private final Bookings bookings;
    private final BookingInvitations invitations;
    private final BookingDesk desk;
    private final AuditTrail audit;
    private final PlanningProperties properties;
    private final Clock clock;
    private final Map<UUID, PlanRun> runs = new ConcurrentHashMap<>();
    private final AtomicReference<PlanRun> running = new AtomicReference<>();
    private final ExecutorService solverThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name("session-planner").factory());

    Plans(PlanningProblems problems, SessionPlanner planner, Bookings bookings, BookingInvitations invitations,
            BookingDesk desk, AuditTrail audit,
            PlanningProperties properties, Clock clock) {
        this.problems = problems;
        this.planner = planner;
        this.bookings = bookings;
        this.invitations = invitations;
        this.desk = desk;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts planning {@code weeks} weeks from the Monday of {@code firstWeek} in these rooms; refused while another
     * run is going on this instance.
     */
    @PreAuthorize("hasRole('BOOKING')")
    public UUID start(LocalDate firstWeek, int weeks, Collection<UUID> roomIds) {
        List<InvalidInputException.FieldProblem> problemsFound = new ArrayList<>();
        if (firstWeek == null) {
            problemsFound.add(new InvalidInputException.FieldProblem("firstWeek", "Choose the first week."));
        }
        if (weeks < 1 || weeks > properties.maxWeeks()) {
            problemsFound.add(new InvalidInputException.FieldProblem("weeks",
                    "Choose between 1 and " + properties.maxWeeks() + " weeks."));
        }
        if (roomIds == null || roomIds.isEmpty()) {
            problemsFound.add(new InvalidInputException.FieldProblem("roomIds", "Choose at least one room."));
        }
        if (!problemsFound.isEmpty()) {
            throw new InvalidInputException(problemsFound);
        }
        forgetOldRuns();
        LocalDate monday = firstWeek.with(DayOfWeek.MONDAY);
        LocalDate thisMonday = bookings.today().with(DayOfWeek.MONDAY);
        LocalDate first = monday.isBefore(thisMonday) ? thisMonday : monday;
        LocalDate last = first.plusWeeks(weeks).minusDays(1);
        PlanRun current = running.get();
        if (current != null && !current.finished()) {
            throw new InvalidInputException("firstWeek", "A plan is being made already (started by " + current.startedBy()
                    + "). Wait for it, or stop it.");
        }
        PlanningProblem problem = problems.build(first, last, Set.copyOf(roomIds));
        PlanRun run = new PlanRun(UUID.randomUUID(), first, last, Set.copyOf(roomIds), problem, clock.instant(),
                CurrentUser.username());
        if (!running.compareAndSet(current, run)) {
            throw new InvalidInputException("firstWeek", "Another plan was started just now. Wait for it, or stop it.");
        }
        runs.put(run.id(), run);
        try {
            solverThread.submit(() -> solve(run));
        }
        catch (RejectedExecutionException e) {
            run.fail("The planner is shutting down.", clock.instant());
        }
        return run.id();
    }

    private void solve(PlanRun run) {
        try {
            Plan plan = planner.solve(run.problem(), limits(), run::report, run::stopRequested);
            run.finish(plan, clock.instant());
        }
        catch (RuntimeException e) {
            log.error("Plan {} failed", run.id(), e);
        }
        finally {
            // Whatever stopped the solver, the run ends here, so that it cannot hold the one place for ever.
            if (!run.finished()) {
                run.fail("The planner could not finish this plan; try again with fewer weeks or rooms.", clock.instant());
            }
        }
    }

    private PlannerLimits limits() {
        return new PlannerLimits(properties.timeLimit(), properties.unimprovedTimeLimit(), 1);
    }

    /** How a run is going: counts only, no patient, so not audited. */
    @PreAuthorize("hasRole('BOOKING')")
    public RunStatus status(UUID runId) {
        PlanRun run = run(runId);
        PlanProgress progress = run.progress();
        Plan plan = run.plan();
        Instant until = run.finished() ? run.finishedAt() : clock.instant();
        Duration elapsed = Duration.between(run.startedAt(), until);
        if (plan != null) {
            return new RunStatus(run.id(), run.first(), run.last(), true, run.stopRequested(), plan.score(), plan.breaches(),
                    plan.placements().size(), run.problem().patients().size(), run.problem().slots().size(), elapsed,
                    run.failure());
        }
        return new RunStatus(run.id(), run.first(), run.last(), run.finished(), run.stopRequested(),
                progress == null ? null : progress.score(), progress == null ? 0 : progress.breaches(),
                progress == null ? 0 : progress.placed(), run.problem().patients().size(), run.problem().slots().size(),
                elapsed, run.failure());
    }

    /** Asks the run to stop; the solver hands back the best plan so far. */
    @PreAuthorize("hasRole('BOOKING')")
    public void stop(UUID runId) {
        run(runId).requestStop();
    }

    /** The finished run's proposal, every patient in it recorded in the audit trail as read. */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public Proposal proposal(UUID runId) {
        PlanRun run = run(runId);
        Plan plan = run.plan();
        if (plan == null) {
            throw new InvalidInputException("runId", run.failure() != null ? run.failure() : "This plan is not finished yet.");
        }
        List<ProposedBooking> placed = plan.placements().stream()
                .map(p -> proposed(p, run.outcomes().get(p.patient().referralId())))
                .sorted(java.util.Comparator.comparing(ProposedBooking::start).thenComparing(ProposedBooking::roomName))
                .toList();
        List<LeftUnplaced> unplaced = plan.unplaced().stream().map(u -> new LeftUnplaced(u.patient().referralId(),
                u.patient().patientId(), u.patient().patientName(), u.patient().siteName(), u.patient().priority(),
                u.patient().breachDate(), u.reason())).toList();
        List<Shown> shown = new ArrayList<>();
        placed.forEach(p -> shown.add(new Shown(p.referralId(), p.patientId())));
        unplaced.forEach(u -> shown.add(new Shown(u.referralId(), u.patientId())));
        audit.recordPerPatient(AuditAction.READ, RECORD_TYPE, shown, Shown::referralId, Shown::patientId, "plan " + runId
                + " (" + run.first() + " to " + run.last() + ")");
        return new Proposal(run.id(), run.first(), run.last(), run.roomIds(), placed, unplaced);
    }

    /** One patient's row of a proposal, as the audit trail records it. */
    private record Shown(UUID referralId, UUID patientId) {
    }

    private static ProposedBooking proposed(Placement p, AcceptOutcome outcome) {
        WaitingPatient patient = p.patient();
        OpenSlot slot = p.slot();
        return new ProposedBooking(patient.referralId(), patient.patientId(), patient.patientName(), patient.siteName(),
                patient.priority(), patient.breachDate(), slot.slotId(), slot.start(), slot.roomId(), slot.roomName(),
                slot.operatorName(), p.followingSlot() != null, p.reason(), outcome);
    }

    /**
     * Books the chosen patients into their proposed slots, each through {@link Bookings#book} in its own transaction
     * (so this method has none): one refused (the slot taken meanwhile, the safety checks no longer passing) is
     * reported with the reason and the patient stays on the waiting list, while the others stay booked. The usual
     * letters go as for any booking. A patient accepted from this run once is not booked again.
     */
    @PreAuthorize("hasRole('BOOKING')")
    public List<AcceptOutcome> accept(UUID runId, Collection<UUID> referralIds) {
        PlanRun run = run(runId);
        Map<UUID, Placement> chosen = chosen(run, referralIds);
        List<AcceptOutcome> outcomes = new ArrayList<>();
        for (Placement placement : chosen.values()) {
            UUID referralId = placement.patient().referralId();
            AcceptOutcome outcome;
            try {
                Appointment appointment = desk.book(referralId, placement.slot().slotId());
                outcome = new AcceptOutcome(referralId, placement.patient().patientName(), appointment.id(), null, null);
            }
            catch (InvalidInputException e) {
                outcome = new AcceptOutcome(referralId, placement.patient().patientName(), null, null,
                        e.problems().getFirst().message());
            }
            run.outcomes().put(referralId, outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /**
     * Instead of booking, emails each chosen patient a booking link limited to their proposed slot and up to
     * {@value #ALTERNATIVES} other free slots of the run that suit them (none another patient of the plan holds); the
     * patient books one themselves, with the same checks as a clerk's booking.
     */
    @PreAuthorize("hasRole('BOOKING')")
    public List<AcceptOutcome> sendLinks(UUID runId, Collection<UUID> referralIds) {
        PlanRun run = run(runId);
        Map<UUID, Placement> chosen = chosen(run, referralIds);
        Set<UUID> held = run.plan().placements().stream()
                .flatMap(p -> p.followingSlot() == null ? java.util.stream.Stream.of(p.slot().slotId())
                        : java.util.stream.Stream.of(p.slot().slotId(), p.followingSlot().slotId()))
                .collect(Collectors.toSet());
        List<AcceptOutcome> outcomes = new ArrayList<>();
        for (Placement placement : chosen.values()) {
            UUID referralId = placement.patient().referralId();
            Set<UUID> offered = new LinkedHashSet<>();
            offered.add(placement.slot().slotId());
            run.problem().slots().stream()
                    .filter(s -> !held.contains(s.slotId()) && !offered.contains(s.slotId()))
                    .filter(s -> SlotFit.suits(placement.patient(), s, run.problem()))
                    .limit(ALTERNATIVES).forEach(s -> offered.add(s.slotId()));
            AcceptOutcome outcome;
            try {
                UUID invitation = invitations.inviteTo(referralId, List.copyOf(offered));
                outcome = new AcceptOutcome(referralId, placement.patient().patientName(), null, invitation, null);
            }
            catch (InvalidInputException e) {
                outcome = new AcceptOutcome(referralId, placement.patient().patientName(), null, null,
                        e.problems().getFirst().message());
            }
            run.outcomes().put(referralId, outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static Map<UUID, Placement> chosen(PlanRun run, Collection<UUID> referralIds) {
        if (run.plan() == null) {
            throw new InvalidInputException("runId", "This plan is not finished yet.");
        }
        if (referralIds == null || referralIds.isEmpty()) {
            throw new InvalidInputException("referralIds", "Choose at least one patient of the plan.");
        }
        Map<UUID, Placement> byReferral = run.plan().placements().stream()
                .collect(Collectors.toMap(p -> p.patient().referralId(), Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        Map<UUID, Placement> chosen = new java.util.LinkedHashMap<>();
        for (UUID id : new LinkedHashSet<>(referralIds)) {
            Placement placement = byReferral.get(id);
            if (placement == null) {
                throw new InvalidInputException("referralIds", "A chosen patient is not placed in this plan.");
            }
            AcceptOutcome before = run.outcomes().get(id);
            if (before == null || !before.done()) {
                chosen.put(id, placement);
            }
        }
        return chosen;
    }

    /**
     * A finished run's proposal for an integrating system (the FHIR module checks its read scope for Appointment),
     * audited as the page is; empty when there is no such finished run kept.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'INTEGRATION')")
    public Optional<Proposal> finishedProposal(UUID runId) {
        PlanRun run = runs.get(runId);
        return run == null || run.plan() == null ? Optional.empty() : Optional.of(proposal(runId));
    }

    /** Runs still kept, newest first, for the page to offer again. */
    @PreAuthorize("hasRole('BOOKING')")
    public List<RunStatus> recent() {
        forgetOldRuns();
        return runs.values().stream().sorted(java.util.Comparator.comparing(PlanRun::startedAt).reversed())
                .map(r -> status(r.id())).toList();
    }

    private PlanRun run(UUID runId) {
        forgetOldRuns();
        PlanRun run = runId == null ? null : runs.get(runId);
        if (run == null) {
            throw new InvalidInputException("runId", "This plan is no longer kept (plans are forgotten "
                    + properties.keepRunsFor().toMinutes() + " minutes after they end, or when the server restarts). "
                    + "Make a new one.");
        }
        return run;
    }

    private void forgetOldRuns() {
        Instant cutoff = clock.instant().minus(properties.keepRunsFor());
        runs.values().removeIf(r -> r.finished() && r.finishedAt().isBefore(cutoff));
    }

    @PreDestroy
    void shutDown() {
        runs.values().forEach(PlanRun::requestStop);
        solverThread.shutdown();
    }

    /**
     * @param score the solver's score, as it prints it (hard, then soft levels)
     * @param breaches patients placed after their breach date, or left unplaced past it
     */
    public record RunStatus(UUID runId, LocalDate first, LocalDate last, boolean finished, boolean stopRequested,
            String score, long breaches, int placed, int patients, int slots, Duration elapsed, String failure) {
    }

    /** A finished run's placements, earliest first, and the patients it could not place, each with the reason. */
    public record Proposal(UUID runId, LocalDate first, LocalDate last, Set<UUID> roomIds,
            List<ProposedBooking> placements, List<LeftUnplaced> unplaced) {
    }

    /**
     * @param oneStop the visit takes this slot and the one after it
     * @param outcome what came of accepting it, or null while nobody has
     */
    public record ProposedBooking(UUID referralId, UUID patientId, String patientName, String siteName, Priority priority,
            LocalDate breachDate, UUID slotId, LocalDateTime start, UUID roomId, String roomName, String operatorName,
            boolean oneStop, String reason, AcceptOutcome outcome) {

        /** Booked after the breach date. */
        public boolean late() {
            return breachDate != null && start.toLocalDate().isAfter(breachDate);
        }
    }

    public record LeftUnplaced(UUID referralId, UUID patientId, String patientName, String siteName, Priority priority,
            LocalDate breachDate, String reason) {
    }

    /**
     * @param appointmentId the appointment booked, or null
     * @param invitationId the booking link sent, or null
     * @param problem why it was not booked or sent, in the words booking gave, or null
     */
    public record AcceptOutcome(UUID referralId, String patientName, UUID appointmentId, UUID invitationId,
            String problem) {

        public boolean done() {
            return problem == null;
        }
    }
}
