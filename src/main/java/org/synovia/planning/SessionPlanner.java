package org.synovia.planning;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.BendableScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

import org.synovia.planning.solver.HardRules;
import org.synovia.planning.solver.PatientAssignment;
import org.synovia.planning.solver.PlanWriter;
import org.synovia.planning.solver.PressingFirstConstruction;
import org.synovia.planning.solver.Schedules;
import org.synovia.planning.solver.SoftCosts;
import org.synovia.planning.solver.SolverSetup;
import org.synovia.planning.solver.WaitingListSchedule;

/**
 * Fills open slots from the waiting list with an optimiser (Timefold Solver): hard rules that may not be broken,
 * then, in order, fewest breaches (urgent first), least lateness past breach, earlier for the longest waiting, the
 * same operator as last time and fewer sessions opened (docs/planning.md). Plain Java, no Spring; one instance may
 * be shared by concurrent runs.
 */
public class SessionPlanner {

    private static final long STOP_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    // Built on first use, not at start-up: compiling the constraints takes about a second and most starts plan nothing.
    private final java.util.function.Supplier<SolverSetup> setup;

    public SessionPlanner() {
        this.setup = new java.util.function.Supplier<>() {
            private volatile SolverSetup built;

            @Override
            public SolverSetup get() {
                SolverSetup local = built;
                if (local == null) {
                    synchronized (this) {
                        local = built;
                        if (local == null) {
                            local = new SolverSetup();
                            built = local;
                        }
                    }
                }
                return local;
            }
        };
    }

    SessionPlanner(SolverSetup setup) {
        this.setup = () -> setup;
    }

    /**
     * Plans the problem within the limits. {@code progress} hears every new best plan (on the solving thread) and a
     * last message with {@code finished} set; when {@code stopRequested} turns true the run stops within about 50 ms
     * and returns the best plan found so far.
     */
    public Plan solve(PlanningProblem problem, PlannerLimits limits, Consumer<PlanProgress> progress,
            BooleanSupplier stopRequested) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(limits, "limits");
        Consumer<PlanProgress> listener = progress == null ? p -> { } : progress;
        BooleanSupplier stop = stopRequested == null ? () -> false : stopRequested;
        long started = System.nanoTime();
        WaitingListSchedule unplanned = Schedules.unplanned(problem);
        PressingFirstConstruction.construct(unplanned);
        Solver<WaitingListSchedule> solver = setup.get().solver(limits.timeLimit(), limits.unimprovedTimeLimit());
        solver.addEventListener(event -> listener.accept(progressOf(event.getNewBestSolution(),
                Duration.ofNanos(System.nanoTime() - started), scoreCalculations(solver), false)));
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = Thread.ofPlatform().daemon().name("session-planner-stop").start(() -> {
            while (!done.get()) {
                if (stop.getAsBoolean()) {
                    solver.terminateEarly();
                    return;
                }
                LockSupport.parkNanos(STOP_POLL_NANOS);
            }
        });
        WaitingListSchedule best;
        try {
            best = stop.getAsBoolean() ? scored(unplanned) : solver.solve(unplanned);
        } finally {
            done.set(true);
            LockSupport.unpark(watcher);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long calculations = scoreCalculations(solver);
        Plan plan = PlanWriter.write(best, calculations, took);
        listener.accept(new PlanProgress(plan.score(), plan.breaches(), plan.placed(), took, calculations, true,
                plan.feasible()));
        return plan;
    }

    /**
     * The patient the optimiser would put in this one slot (a freed slot): among the waiting patients the hard
     * rules allow there, the one whose placement gains most by the same soft levels in the same order. Empty when no
     * one may have it. The problem's slots give the horizon and the following slot of a one-stop pair.
     */
    public Optional<Placement> bestFor(OpenSlot slot, PlanningProblem problem) {
        Objects.requireNonNull(slot, "slot");
        List<OpenSlot> slots = problem.slots().stream().anyMatch(s -> s.slotId().equals(slot.slotId()))
                ? problem.slots()
                : java.util.stream.Stream.concat(problem.slots().stream(), java.util.stream.Stream.of(slot)).toList();
        HardRules rules = new HardRules(slots);
        var horizonEnd = Schedules.horizonEnd(new PlanningProblem(problem.today(), problem.zone(), slots, List.of()));
        var day = HardRules.day(slot);
        Comparator<WaitingPatient> byGain = Comparator
                .comparingLong((WaitingPatient p) -> SoftCosts.breachCost(p, null, horizonEnd)
                        - SoftCosts.breachCost(p, day, horizonEnd))
                .thenComparingLong(p -> SoftCosts.latenessCost(p, null, horizonEnd)
                        - SoftCosts.latenessCost(p, day, horizonEnd))
                .thenComparingLong(p -> SoftCosts.waitingCost(p, null, horizonEnd)
                        - SoftCosts.waitingCost(p, day, horizonEnd))
                .thenComparingInt(p -> slot.operatorId() != null && slot.operatorId().equals(p.lastOperatorId()) ? 1 : 0)
                .thenComparing(PlanWriter.MOST_PRESSING_FIRST.reversed());
        return problem.patients().stream()
                .filter(p -> rules.allows(p, slot))
                .max(byGain)
                .map(p -> new Placement(p, slot, rules.followingSlot(p, slot),
                        PlanWriter.placementReason(p, slot, horizonEnd)));
    }

    private WaitingListSchedule scored(WaitingListSchedule schedule) {
        setup.get().score(schedule);
        return schedule;
    }

    private static long scoreCalculations(Solver<WaitingListSchedule> solver) {
        return solver instanceof DefaultSolver<WaitingListSchedule> defaultSolver
                ? defaultSolver.getScoreCalculationCount()
                : 0;
    }

    private static PlanProgress progressOf(WaitingListSchedule schedule, Duration elapsed, long calculations,
            boolean finished) {
        int breaches = 0;
        int placed = 0;
        for (PatientAssignment assignment : schedule.getAssignments()) {
            if (assignment.breaches()) {
                breaches++;
            }
            if (assignment.getSlot() != null) {
                placed++;
            }
        }
        BendableScore score = schedule.getScore();
        return new PlanProgress(score == null ? "" : score.toString(), breaches, placed, elapsed, calculations,
                finished, score != null && score.isFeasible());
    }
}
