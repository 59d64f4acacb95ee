package org.synovia.waitinglist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Targets in weeks from the clock start (referral received), and how close to the breach date an
 * entry counts as "near breach".
 *
 * @param urgentWeeks target for urgent priority (default 2)
 * @param diagnosticWeeks DM01 target for a diagnostic-only injection (default 6, facts WT-01)
 * @param treatmentWeeks RTT target for a therapeutic injection (default 18, facts WT-02)
 * @param nearBreachDays an entry this many days or fewer from its breach date is near breach
 */
@ConfigurationProperties("synovia.waiting-list")
public record WaitingListProperties(@DefaultValue("2") int urgentWeeks, @DefaultValue("6") int diagnosticWeeks,
        @DefaultValue("18") int treatmentWeeks, @DefaultValue("14") int nearBreachDays) {

    public int weeksFor(WaitingStandard standard) {
        return switch (standard) {
            case URGENT -> urgentWeeks;
            case DM01 -> diagnosticWeeks;
            case RTT -> treatmentWeeks;
        };
    }
}
