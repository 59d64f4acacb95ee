package org.synovia.planning;

import java.time.Duration;
import java.util.Comparator;

import org.synovia.planning.solver.PatientAssignment;
import org.synovia.planning.solver.PlanWriter;
import org.synovia.planning.solver.PressingFirstConstruction;
import org.synovia.planning.solver.Schedules;
import org.synovia.planning.solver.SolverSetup;
import org.synovia.planning.solver.WaitingListSchedule;

/**
 * First come, first served: patients in order of clock start, each into the earliest free slot the hard rules
 * allow. It is how a clerk books by hand, and the baseline the optimiser is measured against. Its plan is scored by
 * the optimiser's own constraints so the two compare like for like.
 */
public class GreedyPlanner {

    private static final Comparator<PatientAssignment> FIRST_COME = Comparator
            .comparing((PatientAssignment a) -> a.getPatient().clockStart(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(PatientAssignment::getId);

    private final SolverSetup setup;

    public GreedyPlanner() {
        this(new SolverSetup());
    }

    GreedyPlanner(SolverSetup setup) {
        this.setup = setup;
    }

    public Plan plan(PlanningProblem problem) {
        long started = System.nanoTime();
        WaitingListSchedule schedule = Schedules.unplanned(problem);
        PressingFirstConstruction.fill(schedule.getAssignments().stream().sorted(FIRST_COME).toList());
        setup.score(schedule);
        return PlanWriter.write(schedule, 0, Duration.ofNanos(System.nanoTime() - started));
    }
}
