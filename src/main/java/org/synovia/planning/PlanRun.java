package org.synovia.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of the planner, held in memory on the instance that started it (ADR 0058): the problem it was given,
 * the latest progress the solver reported, the plan once it has finished, and what staff accepted from it. The
 * solver thread writes progress and the plan; request threads read them, hence the volatile fields.
 */
final class PlanRun {

    private final UUID id;
    private final LocalDate first;
    private final LocalDate last;
    private final Set<UUID> roomIds;
    private final PlanningProblem problem;
    private final Instant startedAt;
    private final String startedBy;
    private final Map<UUID, Plans.AcceptOutcome> outcomes = new ConcurrentHashMap<>();
    private volatile PlanProgress progress;
    private volatile Plan plan;
    private volatile String failure;
    private volatile Instant finishedAt;
    private volatile boolean stopRequested;

    PlanRun(UUID id, LocalDate first, LocalDate last, Set<UUID> roomIds, PlanningProblem problem, Instant startedAt,
            String startedBy) {
        this.id = id;
        this.first = first;
        this.last = last;
        this.roomIds = Set.copyOf(roomIds);
        this.problem = problem;
        this.startedAt = startedAt;
        this.startedBy = startedBy;
    }

    UUID id() {
        return id;
    }

    LocalDate first() {
        return first;
    }

    LocalDate last() {
        return last;
    }

    Set<UUID> roomIds() {
        return roomIds;
    }

    PlanningProblem problem() {
        return problem;
    }

    Instant startedAt() {
        return startedAt;
    }

    String startedBy() {
        return startedBy;
    }

    PlanProgress progress() {
        return progress;
    }

    Plan plan() {
        return plan;
    }

    String failure() {
        return failure;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    boolean finished() {
        return finishedAt != null;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    Map<UUID, Plans.AcceptOutcome> outcomes() {
        return outcomes;
    }

    void report(PlanProgress latest) {
        progress = latest;
    }

    void requestStop() {
        stopRequested = true;
    }

    void finish(Plan result, Instant at) {
        plan = result;
        finishedAt = at;
    }

    void fail(String why, Instant at) {
        failure = why;
        finishedAt = at;
    }
}
