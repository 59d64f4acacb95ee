package org.synovia.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param horizonWeeks slots exist this many weeks ahead; the nightly job extends them day by day
 */
@ConfigurationProperties("synovia.scheduling")
public record SchedulingProperties(@DefaultValue("12") int horizonWeeks) {

    public SchedulingProperties {
        if (horizonWeeks < 1 || horizonWeeks > 104) {
            throw new IllegalArgumentException("synovia.scheduling.horizon-weeks must be between 1 and 104");
        }
    }
}
