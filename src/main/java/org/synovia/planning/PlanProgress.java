package org.synovia.planning;

import java.time.Duration;

/**
 * What a running plan has reached, sent on every new best plan and once more when it finishes.
 *
 * @param score the score as text (see {@link Plan#score()})
 * @param breaches patients who breach in the best plan so far ({@link Plan#breaches()})
 * @param placed patients with a slot in the best plan so far
 * @param scoreCalculations the optimiser's own count of score calculations so far
 * @param finished true only on the last message of a run
 * @param feasible the best plan so far breaks no hard rule
 */
public record PlanProgress(String score, int breaches, int placed, Duration elapsed, long scoreCalculations,
        boolean finished, boolean feasible) {
}
