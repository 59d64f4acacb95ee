package org.synovia.waitinglist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.synovia.shared.Guidance;
import org.synovia.waitinglist.FundingStatus;
import org.synovia.waitinglist.Priority;
import org.synovia.waitinglist.WaitingListEntry;
import org.synovia.waitinglist.WaitingStandard;

/** The waiting list's row says what its template said: the same breach tag, sentences and links. */
class WaitingListRowTests {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 12);
    private static final UUID REFERRAL = UUID.fromString("0acb2de3-b441-4bc6-bc6e-075e0ba6fd38");

    @BeforeEach
    void english() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void forgetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest(name = "{0} days to breach → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "-1|tag urgency-URGENT|1 days past breach",
            "0|tag urgency-SOON|0 days left",
            "14|tag urgency-SOON|14 days left",
            "15|tag|15 days left"})
    void tagsTheBreachDateAtTheNearBreachThreshold(int daysToBreach, String tagClass, String text) {
        WaitingListRow row = WaitingListRow.of(entry(TODAY.plusDays(daysToBreach), null, null, "  "), TODAY, 14, List.of());
        assertThat(row.breachClass()).isEqualTo(tagClass);
        assertThat(row.breachText()).isEqualTo(text);
        assertThat(row.dateConstraints()).as("blank constraints are not shown").isNull();
    }

    @Test
    void writesTheDatesSentencesAndLinksOfTheRow() {
        WaitingListRow row = WaitingListRow.of(entry(LocalDate.of(2027, 2, 3), LocalDate.of(2027, 1, 20),
                LocalDate.of(2027, 3, 1), "Not Mondays"), TODAY, 14, List.of());
        assertThat(row.breachDate()).isEqualTo("3 Feb 2027");
        assertThat(row.procedure()).isEqualTo("Knee joint, left — Ultrasound");
        assertThat(row.priority()).isEqualTo("Routine · Referral to treatment (18 weeks) from 6 Nov 2026");
        assertThat(row.earliest()).isEqualTo("from 20 Jan 2027");
        assertThat(row.latest()).isEqualTo(" until 1 Mar 2027");
        assertThat(row.dateConstraints()).isEqualTo("Not Mondays");
        assertThat(row.referralHref()).isEqualTo("/referrals/" + REFERRAL);
        assertThat(row.bookHref()).isEqualTo("/bookings/referral/" + REFERRAL);
        assertThat(row.unavailabilityAction()).isEqualTo("/waiting-list/" + REFERRAL + "/unavailability");
        assertThat(row.fromId()).isEqualTo("from-" + REFERRAL);
        assertThat(row.fundingHref()).isEqualTo("/funding/" + REFERRAL);
        assertThat(row.fundingClass()).isEqualTo("tag funding-badge");
        assertThat(row.fundingState()).isEqualTo("FUNDED");
    }

    @Test
    void saysAnyTimeWithoutAnEarliestDate() {
        WaitingListRow row = WaitingListRow.of(entry(TODAY.plusDays(30), null, null, null), TODAY, 14, List.of());
        assertThat(row.earliest()).isEqualTo("any time");
        assertThat(row.latest()).isNull();
        assertThat(row.away()).isNull();
    }

    private static WaitingListEntry entry(LocalDate breach, LocalDate earliest, LocalDate latest, String constraints) {
        return new WaitingListEntry(REFERRAL, UUID.randomUUID(), "FICTIONAL, Quinn", "9996043290", "Knee joint", "LEFT",
                Guidance.ULTRASOUND, Priority.ROUTINE, WaitingStandard.RTT, LocalDate.of(2026, 11, 6), 18, breach, earliest,
                latest, constraints, null, null, FundingStatus.FUNDED, null, false);
    }
}
