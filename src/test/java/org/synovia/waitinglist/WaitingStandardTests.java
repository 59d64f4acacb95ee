package org.synovia.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaitingStandardTests {

    private final WaitingListProperties defaults = new WaitingListProperties(2, 6, 18, 14);

    @ParameterizedTest(name = "{0}, diagnostic only {1} → {2}, breach {3}")
    @CsvSource({
            "URGENT, true, URGENT, 2026-12-05",
            "URGENT, false, URGENT, 2026-12-05",
            "SOON, true, DM01, 2027-01-02",
            "ROUTINE, true, DM01, 2027-01-02",
            "ROUTINE, false, RTT, 2027-03-27",
            "SOON, false, RTT, 2027-03-27"})
    void choosesTheStandardAndCountsTheBreachDateFromReferral(Priority priority, boolean diagnosticOnly,
            WaitingStandard expected, LocalDate breach) {
        WaitingStandard standard = WaitingStandard.applicableTo(priority, diagnosticOnly);
        assertThat(standard).isEqualTo(expected);
        assertThat(WaitingList.breachDate(LocalDate.of(2026, 11, 21), defaults.weeksFor(standard))).isEqualTo(breach);
    }

    @ParameterizedTest(name = "{0} days to breach → {1}")
    @CsvSource({"-1, BREACHED", "0, NEAR", "14, NEAR", "15, WITHIN"})
    void classifiesBreachRiskAtTheNearBreachThreshold(int daysToBreach, WaitingListEntry.BreachRisk risk) {
        LocalDate today = LocalDate.of(2026, 11, 21);
        WaitingListEntry entry = new WaitingListEntry(null, null, "X", null, "Knee", "LEFT", null, Priority.ROUTINE,
                WaitingStandard.RTT, today.minusWeeks(10), 18, today.plusDays(daysToBreach), null, null, null, null, null,
                FundingStatus.FUNDED, null, false);
        assertThat(entry.breachRisk(today, 14)).isEqualTo(risk);
    }
}
