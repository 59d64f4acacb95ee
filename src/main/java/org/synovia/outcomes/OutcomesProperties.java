package org.synovia.outcomes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outcome analytics.
 *
 * @param rebuildAtStart empty and refill {@code outcome_fact} from the records and diaries when the application
 *                       starts (after a restore, or after changing how a figure is derived)
 * @param minimumToReport the fewest cases (the denominator of a rate, the patients of a relief curve) for which a
 *                        figure is shown; below it the page says "too few to report" (ADR 0070)
 */
@ConfigurationProperties("synovia.outcomes")
public record OutcomesProperties(@DefaultValue("false") boolean rebuildAtStart,
        @DefaultValue("10") int minimumToReport) {

    public OutcomesProperties {
        if (minimumToReport < 1) {
            throw new IllegalArgumentException("synovia.outcomes.minimum-to-report must be at least 1");
        }
    }
}
