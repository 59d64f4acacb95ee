package org.synovia.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.diary.DiaryReadingUpdated;
import org.synovia.outcomes.synthetic.SyntheticData;
import org.synovia.procedure.ProcedureCompleted;
import org.synovia.referral.Intent;

/**
 * Runs the generator at a small scale, then checks the page's and the CSV's figures against values computed
 * here straight from the generated rows (procedure records, diaries, waiting-list entries), not from the
 * read model: a wrong projection, query or aggregation shows as a difference.
 */
@SynoviaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired SyntheticData synthetic;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired Outcomes outcomes;
    @Autowired OutcomeFacts facts;

    LocalDate from;
    LocalDate to;
    Map<String, String> csv;

    @BeforeAll
    void generate() throws Exception {
        // Hospital numbers only: the other tests' fixtures draw NHS numbers from the same test range at random.
        SyntheticData.Result result = synthetic.generate(500, 7, 1, false);
        assertThat(result.procedures()).isEqualTo(500);
        // The generated year ends yesterday; other tests work today and later.
        to = LocalDate.now(clock).minusDays(1);
        from = to.minusYears(1).plusDays(1);
        String text = mvc.perform(get("/outcomes.csv").param("from", from.toString()).param("to", to.toString())
                        .with(user("outcomes.nurse").roles("NURSE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        csv = new HashMap<>();
        for (String line : text.split("\r\n")) {
            List<String> cells = cells(line);
            csv.put(cells.get(0) + "|" + cells.get(1) + "|" + cells.get(2), cells.get(3));
        }
    }

    /** The period's signed procedures with their appointment day, from the source tables. */
    private String period() {
        return " from procedure_record r join appointment a on a.id = r.appointment_id where r.signed_at is not null"
                + " and (lower(a.during) at time zone '" + clock.getZone().getId() + "')::date between :from and :to ";
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(Long.class).single();
    }

    @Test
    void countsProceduresAndComplicationsAsRecorded() {
        long procedures = count("select count(*)" + period());
        assertThat(procedures).isGreaterThan(400);
        assertThat(csv.get("all|All procedures|procedures")).isEqualTo(String.valueOf(procedures));
        long complications = count("select count(*)" + period() + " and r.complications <> 'None'");
        assertThat(csv.get("all|All procedures|complications")).isEqualTo(String.valueOf(complications));
        long knee = count("select count(*)" + period() + " and r.referral_id in (select id from referral where site_code = 'KNEE_JOINT')");
        assertThat(csv.get("site|Knee joint|procedures")).isEqualTo(String.valueOf(knee));
    }

    @Test
    void readsSixWeekRespondersAsTheFactsDefineThem() {
        // OM-01/02: the 6-week entry (W6 is the only point 35–49 days) shows a fall ≥ 2 and ≥ 30%, or PGIC ≤ 2.
        String sixWeeks = " join diary_episode e on e.appointment_id = r.appointment_id join diary_entry n on n.episode_id = e.id"
                + " and n.time_point = 'W6' and e.intent = 'THERAPEUTIC'";
        long read = count("select count(*)" + period().replace(" where ", sixWeeks + " where "));
        long responders = count("select count(*)" + period().replace(" where ", sixWeeks + " where ")
                + " and ((e.baseline_pain - n.pain_now >= 2 and 100 * (e.baseline_pain - n.pain_now) >= 30 * e.baseline_pain)"
                + " or n.pgic <= 2)");
        assertThat(read).isPositive();
        assertThat(csv.get("all|All procedures|read_at_6_weeks")).isEqualTo(String.valueOf(read));
        assertThat(csv.get("all|All procedures|responders")).isEqualTo(String.valueOf(responders));
        assertThat(csv.get("all|All procedures|responder_percent"))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", 100.0 * responders / read));
    }

    @Test
    void readsDiagnosticBlocksAgainstTheirOwnThreshold() {
        // Facts §7: the best relief within 8 hours against baseline, at or above 50% (or 80% where set).
        String window = " join diary_episode e on e.appointment_id = r.appointment_id and e.intent = 'DIAGNOSTIC'"
                + " and e.baseline_pain > 0";
        String best = "(select max(round(100.0 * (e.baseline_pain - n.pain_now) / e.baseline_pain, 1)) from diary_entry n"
                + " where n.episode_id = e.id and n.minutes_after <= 480)";
        long read = count("select count(*)" + period().replace(" where ", window + " where ") + " and " + best + " is not null");
        long positive = count("select count(*)" + period().replace(" where ", window + " where ") + " and " + best
                + " >= e.relief_threshold_percent");
        assertThat(read).isPositive();
        assertThat(csv.get("all|All procedures|diagnostic_read")).isEqualTo(String.valueOf(read));
        assertThat(csv.get("all|All procedures|diagnostic_positive")).isEqualTo(String.valueOf(positive));
    }

    @Test
    void countsRedFlagsAmongPatientsWithADiary() {
        String diaries = " join diary_episode e on e.appointment_id = r.appointment_id";
        long withDiary = count("select count(*)" + period().replace(" where ", diaries + " where ")
                + " and exists (select 1 from diary_entry n where n.episode_id = e.id)");
        long flagged = count("select count(*)" + period().replace(" where ", diaries + " where ")
                + " and exists (select 1 from diary_entry n where n.episode_id = e.id and n.red_flags <> '')");
        assertThat(csv.get("all|All procedures|with_diary")).isEqualTo(String.valueOf(withDiary));
        assertThat(csv.get("all|All procedures|red_flagged")).isEqualTo(String.valueOf(flagged));
    }

    @Test
    void givesWaitingTimesAndBreachesFromTheRecords() {
        String zone = clock.getZone().getId();
        long median = count("select percentile_disc(0.5) within group (order by (lower(a.during) at time zone '" + zone
                + "')::date - (f.submitted_at at time zone '" + zone + "')::date)" + period().replace(" where ",
                        " join referral f on f.id = r.referral_id where "));
        assertThat(csv.get("waiting|Referral received → procedure|median_days")).isEqualTo(median + ".0");
        long rtt = count("select count(*)" + period().replace(" where ", " join waiting_list_entry w on w.referral_id = r.referral_id where ")
                + " and w.standard = 'RTT'");
        long rttBreached = count("select count(*)" + period().replace(" where ",
                " join waiting_list_entry w on w.referral_id = r.referral_id where ") + " and w.standard = 'RTT'"
                + " and (lower(a.during) at time zone '" + zone + "')::date > w.breach_date");
        String standard = "Referral to treatment (18 weeks)";
        assertThat(csv.get("breaches|" + standard + "|procedures")).isEqualTo(String.valueOf(rtt));
        assertThat(csv.get("breaches|" + standard + "|breached")).isEqualTo(String.valueOf(rttBreached));
    }

    @Test
    void countsVolumesByOperatorAsRecorded() {
        List<Map<String, Object>> byOperator = jdbc.sql("select r.operator, count(*) as n" + period() + " group by r.operator")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query().listOfRows();
        assertThat(byOperator).isNotEmpty();
        for (Map<String, Object> row : byOperator) {
            assertThat(csv.get("volume by operator|" + row.get("operator") + "|procedures")).isEqualTo(String.valueOf(row.get("n")));
        }
    }

    @Test
    void estimatesReliefFromTheSameObservationsOneByOne() {
        List<Map<String, Object>> rows = jdbc.sql("select relief_days, relief_censored from outcome_fact where intent = 'THERAPEUTIC'"
                + " and relief_days is not null and procedure_date between :from and :to")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query().listOfRows();
        int[] times = rows.stream().mapToInt(r -> (Integer) r.get("relief_days")).toArray();
        boolean[] events = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            events[i] = !(Boolean) rows.get(i).get("relief_censored");
        }
        KaplanMeier.Curve expected = KaplanMeier.fromObservations(times, events);
        String group = "relief all|All therapeutic procedures|";
        assertThat(csv.get(group + "patients")).isEqualTo(String.valueOf(expected.subjects()));
        assertThat(csv.get(group + "censored")).isEqualTo(String.valueOf(expected.censored()));
        assertThat(csv.get(group + "median_days")).isEqualTo(expected.median() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", expected.median()));
        // Every therapeutic diary with an entry and a baseline above 0 has a duration.
        long therapeuticDiaries = count("select count(*)" + period().replace(" where ",
                " join diary_episode e on e.appointment_id = r.appointment_id where ") + " and e.intent = 'THERAPEUTIC'"
                + " and e.baseline_pain > 0 and exists (select 1 from diary_entry n where n.episode_id = e.id)");
        assertThat(expected.subjects()).isEqualTo((int) therapeuticDiaries);
    }

    @Test
    void showsTheFiguresOnThePageWithoutScript() throws Exception {
        String page = mvc.perform(get("/outcomes").param("from", from.toString()).param("to", to.toString())
                        .with(user("outcomes.radiologist").roles("RADIOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Duration of relief").contains("<svg").contains("Waiting times")
                .contains(csv.get("all|All procedures|procedures").length() > 3
                        ? String.format(java.util.Locale.UK, "%,d", Long.parseLong(csv.get("all|All procedures|procedures")))
                        : csv.get("all|All procedures|procedures"))
                .contains(csv.get("all|All procedures|responders") + " of " + csv.get("all|All procedures|read_at_6_weeks"));
        assertThat(page).as("every chart's figures are also in a table").contains("<table").contains("Relieved at 6 weeks");
    }

    @Test
    void givesIntervalsWithEnoughCasesAndWithholdsFiguresWithTooFew() throws Exception {
        long read = Long.parseLong(csv.get("all|All procedures|read_at_6_weeks"));
        var responder = new OutcomeReport.Proportion(Long.parseLong(csv.get("all|All procedures|responders")), read);
        assertThat(csv.get("all|All procedures|responder_lower_95"))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", responder.lowerPercent()));
        String year = mvc.perform(get("/outcomes").param("from", from.toString()).param("to", to.toString())
                        .with(user("outcomes.radiologist").roles("RADIOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // One day of a 500-procedure year has a handful of procedures: below the default minimum of 10.
        String oneDay = mvc.perform(get("/outcomes").param("from", to.toString()).param("to", to.toString())
                        .with(user("outcomes.radiologist").roles("RADIOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(year).contains("; 95% CI ");
        assertThat(oneDay).doesNotContain("; 95% CI ");
        if (!oneDay.contains("No signed procedures in this period.")) {
            assertThat(oneDay).contains("too few to report");
        }
    }

    @Test
    void hasNoLastRefreshBeforeAnyProcedureHasBeenSigned() {
        // A new service has no rows at all: the page's footnote must read that as "never", not fail (rolled back).
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            assertThat(facts.lastRefreshed()).isNotNull();
            jdbc.sql("delete from outcome_fact").update();
            assertThat(facts.lastRefreshed()).isNull();
        });
    }

    @Test
    void refusesReferrersAndBookingClerks() throws Exception {
        mvc.perform(get("/outcomes").with(user("outcomes.referrer").roles("REFERRER"))).andExpect(status().isForbidden());
        mvc.perform(get("/outcomes.csv").with(user("outcomes.clerk").roles("BOOKING"))).andExpect(status().isForbidden());
        mvc.perform(get("/outcomes").with(user("outcomes.admin").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(post("/outcomes/rebuild").with(user("outcomes.nurse").roles("NURSE")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void letsAnAdministratorRebuildTheFiguresToTheSameCounts() throws Exception {
        long before = jdbc.sql("select count(*) from outcome_fact").query(Long.class).single();
        mvc.perform(post("/outcomes/rebuild").with(user("outcomes.admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from outcome_fact").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void showsAReversedPeriodBesideItsFieldInsteadOfAnError() throws Exception {
        String page = mvc.perform(get("/outcomes").param("from", "2026-03-01").param("to", "2026-01-01")
                        .with(user("outcomes.nurse").roles("NURSE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The last day must not be before the first day");
        mvc.perform(get("/outcomes.csv").param("site", "=cmd|' /C calc'!A0").with(user("outcomes.nurse").roles("NURSE")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void followsSignedProceduresAndDiaryReadingsAsTheyHappen() {
        UUID appointment = jdbc.sql("select appointment_id from outcome_fact where intent = 'THERAPEUTIC'"
                + " and appointment_id in (select appointment_id from diary_episode) order by appointment_id limit 1")
                .query(UUID.class).single();
        Map<String, Object> ids = jdbc.sql("select referral_id, patient_id from procedure_record where appointment_id = ?")
                .param(appointment).query().singleRow();
        jdbc.sql("delete from outcome_fact where appointment_id = ?").param(appointment).update();
        // A reading that arrives before its procedure's row writes the row first.
        transactions.executeWithoutResult(s -> events.publishEvent(new DiaryReadingUpdated(appointment,
                (UUID) ids.get("referral_id"), (UUID) ids.get("patient_id"), Intent.THERAPEUTIC, 7, null, null, true, 61,
                true, 2, Instant.now(clock))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select relief_days, red_flags, responder_6w, site_code from outcome_fact where appointment_id = ?")
                .param(appointment).query().listOfRows()).singleElement().satisfies(row -> {
                    assertThat(row.get("relief_days")).isEqualTo(61);
                    assertThat(row.get("red_flags")).isEqualTo(2);
                    assertThat(row.get("responder_6w")).isEqualTo(true);
                    assertThat(row.get("site_code")).isNotNull();
                }));
        // A signed procedure refreshes its own columns and keeps the diary's.
        jdbc.sql("update outcome_fact set operator = 'stale' where appointment_id = ?").param(appointment).update();
        transactions.executeWithoutResult(s -> events.publishEvent(new ProcedureCompleted(appointment,
                (UUID) ids.get("referral_id"), (UUID) ids.get("patient_id"), Instant.now(clock), "someone")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select operator, relief_days from outcome_fact where appointment_id = ?").param(appointment).query().singleRow())
                .satisfies(row -> {
                    assertThat(row.get("operator")).isNotEqualTo("stale");
                    assertThat(row.get("relief_days")).isEqualTo(61);
                }));
        outcomes.rebuild();
    }

    /** Splits one CSV line of quoted cells. */
    private static List<String> cells(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    cell.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
