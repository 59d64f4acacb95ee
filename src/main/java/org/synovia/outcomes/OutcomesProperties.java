package org.synovia.outcomes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outcome analytics.
 *
 * @param rebuildAtStart empty and refill {@code outcome_fact} from the records and diaries when the application
 *                       starts (after a restore, or after changing how a figure is derived)
 */
@ConfigurationProperties("synovia.outcomes")
public record OutcomesProperties(@DefaultValue("false") boolean rebuildAtStart) {
}
