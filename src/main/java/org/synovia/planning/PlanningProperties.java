package org.synovia.planning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeLimit how long one run may go on improving the plan before it stops by itself (staff may stop it sooner)
 * @param unimprovedTimeLimit a run also stops once its best plan has not improved for this long
 * @param keepRunsFor a finished run, its proposal and what was accepted are kept in memory this long, then forgotten
 * @param maxWeeks the most weeks one run may plan
 */
@ConfigurationProperties("synovia.planning")
public record PlanningProperties(@DefaultValue("PT30S") Duration timeLimit,
        @DefaultValue("PT5S") Duration unimprovedTimeLimit, @DefaultValue("PT2H") Duration keepRunsFor,
        @DefaultValue("8") int maxWeeks) {

    public PlanningProperties {
        if (timeLimit.isNegative() || timeLimit.isZero() || timeLimit.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("synovia.planning.time-limit must be between 1 second and 30 minutes");
        }
        if (unimprovedTimeLimit.isNegative() || unimprovedTimeLimit.isZero()) {
            throw new IllegalArgumentException("synovia.planning.unimproved-time-limit must be positive");
        }
        if (keepRunsFor.compareTo(Duration.ofMinutes(5)) < 0) {
            throw new IllegalArgumentException("synovia.planning.keep-runs-for must be at least 5 minutes");
        }
        if (maxWeeks < 1 || maxWeeks > 26) {
            throw new IllegalArgumentException("synovia.planning.max-weeks must be between 1 and 26");
        }
    }
}
