package org.synovia.planning;

import java.time.Duration;
import java.util.List;

/**
 * A proposed filling of the open slots, for booking staff to accept in whole or part. Nothing is booked by it.
 *
 * @param placements the patients with a slot, in slot order
 * @param unplaced the patients left waiting, most pressing first, each with the condition that stopped them
 * @param score the whole score as text, hard part first: {@code [hard]hard/[breach/lateness/waiting/operator/sessions]soft}
 * @param hardScore broken hard rules as a negative number; 0 when the plan is feasible
 * @param softScores the five soft levels in order of importance (see docs/planning.md), each 0 or negative
 * @param breaches patients who miss their breach date under this plan: those placed after their breach date, plus
 *        those left unplaced whose breach date falls on or before the last day of the planned slots (an unplaced
 *        patient whose breach date lies beyond the horizon may still be seen in time, so is not counted)
 * @param scoreCalculations the optimiser's own count of score calculations (0 for plans not made by the optimiser)
 * @param took how long the planning took
 * @param feasible no hard rule is broken
 */
public record Plan(List<Placement> placements, List<Unplaced> unplaced, String score, long hardScore,
        List<Long> softScores, int breaches, long scoreCalculations, Duration took, boolean feasible) {

    public Plan {
        placements = List.copyOf(placements);
        unplaced = List.copyOf(unplaced);
        softScores = List.copyOf(softScores);
    }

    public int placed() {
        return placements.size();
    }
}
