package org.synovia.planning;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a planning run may take.
 *
 * @param timeLimit the run stops after this long at the latest
 * @param unimprovedTimeLimit the run stops once the best plan has not improved for this long; null for no such stop
 * @param threads solver threads; the community edition of the solver searches in one thread, so runs with more
 *        than one are accepted and still use one (ADR 0056)
 */
public record PlannerLimits(Duration timeLimit, Duration unimprovedTimeLimit, int threads) {

    /** The defaults for an interactive run: 30 s at most, stop after 5 s without improvement, one thread. */
    public static final PlannerLimits INTERACTIVE = new PlannerLimits(Duration.ofSeconds(30), Duration.ofSeconds(5), 1);

    public PlannerLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("The time limit must be positive, not " + timeLimit);
        }
        if (unimprovedTimeLimit != null && (unimprovedTimeLimit.isNegative() || unimprovedTimeLimit.isZero())) {
            throw new IllegalArgumentException("The unimproved time limit must be positive, not " + unimprovedTimeLimit);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("At least one thread is needed, not " + threads);
        }
    }

    public static PlannerLimits of(Duration timeLimit) {
        return new PlannerLimits(timeLimit, null, 1);
    }
}
