package org.synovia.outcomes.synthetic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The synthetic-data generator (ADR 0019). Off unless {@code procedures} is above 0.
 *
 * @param procedures     signed procedures to create, each with its patient, referral, vetting, waiting-list entry,
 *                       slot, appointment, visit, record, drugs and (for most) a diary
 * @param seed           the same seed on an empty database gives the same data
 * @param years          the period the procedures are spread over, ending yesterday
 * @param exitWhenDone   stop the application after generating (a command rather than a server)
 * @param openPerList    patients in each list still open today (to be vetted, waiting, booked today), so that the
 *                       list pages can be measured with rows (ADR 0090); none unless set
 * @param openWaiting    patients on the waiting list instead, when above 0 (a clinic waits thousands)
 * @param openToday      patients booked today instead, when above 0
 */
@ConfigurationProperties("synovia.synthetic")
public record SyntheticProperties(@DefaultValue("0") int procedures, @DefaultValue("20261121") long seed,
        @DefaultValue("3") int years, @DefaultValue("false") boolean exitWhenDone,
        @DefaultValue("0") int openPerList, @DefaultValue("0") int openWaiting, @DefaultValue("0") int openToday) {

    OpenWork.Counts open() {
        return new OpenWork.Counts(openPerList, openWaiting > 0 ? openWaiting : openPerList,
                openToday > 0 ? openToday : openPerList);
    }
}
