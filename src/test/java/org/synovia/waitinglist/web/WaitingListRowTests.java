package org.synovia.waitinglist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.shared.web.RowTemplates.drawn;
import static org.synovia.shared.web.RowTemplates.normalised;
import static org.synovia.shared.web.RowTemplates.table;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.synovia.account.Role;
import org.synovia.account.StaffGrade;
import org.synovia.safety.SafetyOverride;
import org.synovia.safety.Severity;
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

    /** The row of {@code waitinglist/list.html} before it was drawn in Java (ADR 0118). */
    private static final String TEMPLATE_ROW = """
                <tr th:each="r : ${rows}">
                  <td>
                    <strong th:text="${r.breachDate()}">date</strong><br>
                    <span th:class="${r.breachClass()}" th:text="${r.breachText()}">days</span>
                  </td>
                  <td><a th:href="${r.referralHref()}" th:text="${r.patientName()}">SMITH, Jane</a><br><span class="muted" th:text="${r.nhsNumber()}"></span>
                    <br><a th:if="${canBook}" th:href="${r.bookHref()}" th:aria-label="${r.bookLabel()}">Book</a></td>
                  <td th:text="${r.procedure()}">Hip</td>
                  <td th:text="${r.priority()}"></td>
                  <td>
                    <span th:text="${r.earliest()}"></span>
                    <span th:if="${r.latest() != null}" th:text="${r.latest()}"></span>
                    <div class="muted" th:if="${r.dateConstraints() != null}" style="white-space:pre-wrap" th:text="${r.dateConstraints()}"></div>
                    <ul class="overrides" th:if="${!r.overrides().isEmpty()}">
                      <li th:each="o : ${r.overrides()}"><strong th:text="${o.severity()} + ' ' + ${o.ruleId()}">STOP SAF-023</strong>:
                        <span th:text="${o.sentence()}">Overridden by …</span></li>
                    </ul>
                    <div th:if="${r.away() != null}" class="muted" th:text="${r.away()}"></div>
                    <details><summary>Patient away…</summary>
                      <form th:action="${r.unavailabilityAction()}" method="post">
                        <label th:for="${r.fromId()}">From</label><input type="date" name="from" th:id="${r.fromId()}">
                        <label th:for="${r.toId()}">To</label><input type="date" name="to" th:id="${r.toId()}">
                        <button type="submit" class="secondary">Save</button>
                      </form>
                    </details>
                  </td>
                  <td><span th:class="${r.fundingClass()}" th:title="${r.fundingSentence()}" th:attr="data-funding=${r.fundingState()}">
              <span th:text="${r.fundingLabel()}">Awaiting funding approval</span><span class="visually-hidden"
                  th:if="${!r.fundingAllowsTreatment()}">: cannot be booked or injected yet</span>
            </span>
                    <br><a th:href="${r.fundingHref()}" th:aria-label="${r.fundingAriaLabel()}">Funding</a></td>
                </tr>
            """;

    @ParameterizedTest(name = "can book: {0}")
    @ValueSource(booleans = {true, false})
    void drawsTheRowsTheTemplateDrew(boolean canBook) {
        SafetyOverride override = new SafetyOverride(UUID.randomUUID(), REFERRAL, UUID.randomUUID(), UUID.randomUUID(),
                "SAF-023", "INR", Severity.STOP, "INR 3.4 > 3.0", "Checked with <haematology> & \"ok'd\"", "dr.test",
                "Dr O'Test", Role.RADIOLOGIST, StaffGrade.CONSULTANT, LocalDateTime.of(2027, 1, 10, 9, 30));
        List<WaitingListRow> rows = List.of(
                WaitingListRow.of(entry(LocalDate.of(2027, 2, 3), LocalDate.of(2027, 1, 20), LocalDate.of(2027, 3, 1),
                        "Not Mondays <or> Fridays & \"never\" 'late'"), TODAY, 14, List.of(override, override)),
                WaitingListRow.of(entry(TODAY.plusDays(30), null, null, null), TODAY, 14, List.of()),
                new WaitingListRow("3 Feb 2027", "tag", "22 days left", "/referrals/x", "O'BRIEN, <b>Seán</b> & co", null,
                        "/bookings/referral/x", "Book O'BRIEN", "Hip", "Urgent", "any time", null, null, List.of(),
                        "Away 1 Feb–3 Feb 2027", "/waiting-list/x/unavailability", "from-x", "to-x",
                        "tag funding-badge urgency-SOON", "AWAITING_APPROVAL", "Waiting for the \"commissioner\".",
                        "Awaiting funding approval", false, "/funding/x", "Funding of O'BRIEN"));
        String template = drawn(TEMPLATE_ROW, Map.of("rows", rows, "canBook", canBook));
        assertThat(normalised(table(WaitingListRow.html(rows, canBook, null)))).isEqualTo(normalised(template));
    }

    @Test
    void givesEachRowsFormTheHiddenTokenField() {
        List<WaitingListRow> rows = List.of(WaitingListRow.of(entry(TODAY.plusDays(30), null, null, null), TODAY, 14,
                List.of()));
        assertThat(WaitingListRow.html(rows, false, WaitingListRow.hiddenField("_csrf", "a<b")))
                .contains("method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\"a&lt;b\"/>");
    }

    private static WaitingListEntry entry(LocalDate breach, LocalDate earliest, LocalDate latest, String constraints) {
        return new WaitingListEntry(REFERRAL, UUID.randomUUID(), "FICTIONAL, Quinn", "9996043290", "Knee joint", "LEFT",
                Guidance.ULTRASOUND, Priority.ROUTINE, WaitingStandard.RTT, LocalDate.of(2026, 11, 6), 18, breach, earliest,
                latest, constraints, null, null, FundingStatus.FUNDED, null, false);
    }
}
