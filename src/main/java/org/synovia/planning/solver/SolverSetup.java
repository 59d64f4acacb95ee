package org.synovia.planning.solver;

import java.time.Duration;

import ai.timefold.solver.core.api.score.BendableScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * The optimiser wired by hand (there is no starter for this Spring Boot line): a local search (late acceptance over
 * change and swap moves) that improves a first plan until a time limit. Building the factory compiles the constraints,
 * so one instance is shared.
 */
public final class SolverSetup {

    /** Fixed so that the same problem and limits give the same plan, which makes plans explainable and testable. */
    private static final long RANDOM_SEED = 13L;

    private final SolverFactory<WaitingListSchedule> factory;
    private final SolutionManager<WaitingListSchedule, BendableScore> solutionManager;

    public SolverSetup() {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(WaitingListSchedule.class)
                .withEntityClasses(PatientAssignment.class)
                .withConstraintProviderClass(SessionPlanConstraints.class)
                .withRandomSeed(RANDOM_SEED)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withTerminationSpentLimit(Duration.ofMinutes(10))
                // The first plan comes from PressingFirstConstruction; the solver only improves it.
                .withPhases(new LocalSearchPhaseConfig());
        factory = SolverFactory.create(config);
        solutionManager = SolutionManager.create(factory);
    }

    public Solver<WaitingListSchedule> solver(Duration timeLimit, Duration unimprovedTimeLimit) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(timeLimit);
        if (unimprovedTimeLimit != null) {
            termination = termination.withUnimprovedSpentLimit(unimprovedTimeLimit);
        }
        return factory.buildSolver(new SolverConfigOverride().withTerminationConfig(termination));
    }

    /** Scores a schedule made some other way (the greedy baseline), by the same constraints. */
    public BendableScore score(WaitingListSchedule schedule) {
        return solutionManager.update(schedule);
    }
}
