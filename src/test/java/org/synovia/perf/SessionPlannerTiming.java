package org.synovia.perf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.synovia.planning.GreedyPlanner;
import org.synovia.planning.Plan;
import org.synovia.planning.PlanProgress;
import org.synovia.planning.PlannerLimits;
import org.synovia.planning.PlanningProblem;
import org.synovia.planning.SessionPlanner;
import org.synovia.planning.WaitingListGenerator;
import org.synovia.planning.solver.BreachSavingMatching;
import org.synovia.planning.solver.Schedules;
import org.synovia.waitinglist.Priority;

/**
 * The session planner on generated waiting lists of 500, 2,000 and 8,000 patients against the same 400 slots: time
 * to the first feasible plan, score calculations per second (the solver's own count), placements and breaches
 * against the first-come-first-served baseline on the same list in the same run. Run with {@code perf/planning.sh}.
 * Arguments: seconds per run (default 30), then patient counts.
 */
public final class SessionPlannerTiming {

    private static final long SEED = 20270112L;

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(500, 2_000, 8_000);
        }
        SessionPlanner planner = new SessionPlanner();
        GreedyPlanner greedy = new GreedyPlanner();
        // A small warm-up run so the first figure does not carry class loading and JIT start-up alone.
        planner.solve(new WaitingListGenerator(1).problem(200), PlannerLimits.of(Duration.ofSeconds(2)), p -> { }, () -> false);
        System.out.printf(Locale.ROOT, "%-8s %-6s %-14s %-12s %-10s %-16s %-16s %-22s %-22s %s%n", "patients", "slots",
                "first feasible", "run", "calcs", "calcs/s", "placed s/g", "breaches solver/greedy", "urgent breaches s/g",
                "score");
        for (int size : sizes) {
            PlanningProblem problem = new WaitingListGenerator(SEED).problem(size);
            Plan baseline = greedy.plan(problem);
            AtomicReference<Duration> firstFeasible = new AtomicReference<>();
            Plan plan = planner.solve(problem, new PlannerLimits(Duration.ofSeconds(seconds), null, 1), (PlanProgress p) -> {
                if (p.feasible() && p.placed() > 0 && firstFeasible.get() == null) {
                    firstFeasible.set(p.elapsed());
                }
            }, () -> false);
            double perSecond = plan.scoreCalculations() / Math.max(0.001, plan.took().toMillis() / 1000.0);
            System.out.printf(Locale.ROOT, "%-8d %-6d %-14s %-12s %-10d %-16.0f %-16s %-22s %-22s %s%n", size,
                    problem.slots().size(), seconds(firstFeasible.get()), seconds(plan.took()), plan.scoreCalculations(),
                    perSecond, plan.placed() + "/" + baseline.placed(), plan.breaches() + "/" + baseline.breaches(),
                    urgentBreaches(plan, problem) + "/" + urgentBreaches(baseline, problem), plan.score());
            long breachingIfUnplaced = problem.patients().stream()
                    .filter(p -> p.breachDate() != null && !p.breachDate().isAfter(horizonEnd(problem))).count();
            int saveable = BreachSavingMatching.mostSaveable(Schedules.unplanned(problem));
            System.out.printf(Locale.ROOT, "         greedy score %s (%s); %d breach if no one is placed; at most %d can be"
                    + " saved (maximum matching, one-stop pairs relaxed), so any plan has at least %d breaches%n",
                    baseline.score(), seconds(baseline.took()), breachingIfUnplaced, saveable,
                    breachingIfUnplaced - saveable);
        }
    }

    private static long urgentBreaches(Plan plan, PlanningProblem problem) {
        var horizonEnd = horizonEnd(problem);
        long placedLate = plan.placements().stream()
                .filter(p -> p.patient().priority() == Priority.URGENT
                        && p.slot().start().toLocalDate().isAfter(p.patient().breachDate()))
                .count();
        long unplaced = plan.unplaced().stream()
                .filter(u -> u.patient().priority() == Priority.URGENT && !u.patient().breachDate().isAfter(horizonEnd))
                .count();
        return placedLate + unplaced;
    }

    private static java.time.LocalDate horizonEnd(PlanningProblem problem) {
        return problem.slots().stream().map(s -> s.start().toLocalDate()).max(java.time.LocalDate::compareTo).orElseThrow();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "never" : String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }
}
