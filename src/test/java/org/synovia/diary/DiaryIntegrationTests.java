package org.synovia.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.referral.Intent;
import org.synovia.shared.InvalidInputException;
import org.synovia.testing.StatementCounter;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;

@SynoviaIntegrationTest
@RecordApplicationEvents
class DiaryIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();
    @Autowired PatientDiaries patientDiaries;
    @Autowired DiaryAlerts diaryAlerts;
    @Autowired DiaryEpisodes diaryEpisodes;
    @Autowired DiaryJobs diaryJobs;

    @Autowired Clock clock;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Vetting vetting;
    @Autowired ProcedureRecords procedureRecords;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired ApplicationEvents events;

    DiaryFixtures fixtures;
    UserAccount nurse;

    @BeforeEach
    void setUp() {
        fixtures = DiaryFixtures.of(context)
                .readingMailFrom(smtp);
        nurse = AccountFixtures.create(accounts, Role.NURSE);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private static NewEntry pain(String timePoint, int pain, RedFlag... flags) {
        return new NewEntry(timePoint, pain, null, null, Set.of(), null, Set.of(flags));
    }

    /** A request from its own address, so that the per-address limit of one test does not touch another. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void startsAnEpisodeWhenTheRecordIsSignedAndEmailsALinkWhoseSecretIsNotStored() {
        Appointment appointment = fixtures.therapeuticKnee();

        String token = fixtures.link(appointment.id());
        var row = jdbc.sql("select intent, baseline_pain, relief_threshold_percent, diabetic, token_hash, "
                + "extract(epoch from expires_at - injected_at) / 86400 as days from diary_episode where appointment_id = ?")
                .param(appointment.id()).query().singleRow();
        assertThat(row.get("intent")).isEqualTo("THERAPEUTIC");
        assertThat(row.get("baseline_pain")).isEqualTo(7);
        assertThat(row.get("relief_threshold_percent")).isEqualTo(50);
        assertThat(row.get("diabetic")).isEqualTo(true);
        assertThat((byte[]) row.get("token_hash")).hasSize(32);
        assertThat(((Number) row.get("days")).doubleValue()).isEqualTo(24 * 7 + 7);
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(jdbc.sql("select count(*) from diary_episode where encode(token_hash, 'escape') like ?")
                .param("%" + token + "%").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select subject from outbound_email where purpose = 'diary-link' and patient_id = ?")
                .param(appointment.patientId()).query(String.class).single()).isEqualTo("Your pain diary after your injection");
    }

    @Test
    void keepsNoLinkInAnyStoredEmailOnceSentAndTheReceivedLinkOpensTheDiary() throws Exception {
        Appointment appointment = fixtures.therapeuticKnee();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from outbound_email where patient_id = ? and purpose = 'diary-link' and status = 'SENT'")
                .param(appointment.patientId()).query(Long.class).single() == 1);

        String token = fixtures.link(appointment.id());

        assertThat(jdbc.sql("select count(*) from outbound_email where body like ? or link like ?")
                .params("%" + token + "%", "%" + token + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select body from outbound_email where patient_id = ? and purpose = 'diary-link'")
                .param(appointment.patientId()).query(String.class).single()).contains("{{link}}");
        assertThat(jdbc.sql("select link from outbound_email where patient_id = ? and purpose = 'diary-link'")
                .param(appointment.patientId()).query(String.class).optional()).isEmpty();
        mvc.perform(get("/my-diary/{t}", token).with(from("10.1.0.9"))).andExpect(status().isOk());
    }

    @Test
    void keepsOneEntryPerDueTimePointAndPublishesTheReadingEachTime() {
        Appointment appointment = fixtures.therapeuticKnee();
        String token = fixtures.link(appointment.id());
        assertThat(patientDiaries.open(token).due()).isEmpty();
        assertThatThrownBy(() -> patientDiaries.record(token, pain("D1", 3))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not due yet");

        fixtures.injectedAgo(appointment.id(), Duration.ofHours(25));
        PatientDiary diary = patientDiaries.open(token);
        assertThat(diary.due()).map(TimePoint::code).hasValue("D1");
        assertThat(diary.asksWorstDay()).isTrue();
        assertThat(diary.asksGlucose()).isTrue();
        assertThat(diary.asksPgic()).isFalse();
        patientDiaries.record(token, new NewEntry("D1", 3, 6, 1, Set.of(SideEffect.FLARE), new BigDecimal("9.4"), Set.of()));

        assertThat(patientDiaries.open(token).due()).isEmpty();
        assertThatThrownBy(() -> patientDiaries.record(token, pain("D1", 2))).isInstanceOf(InvalidInputException.class);
        var stored = jdbc.sql("select pain_worst_day, pgic, side_effects, glucose_mmol_l, minutes_after from diary_entry "
                + "where episode_id = ?").param(fixtures.episodeId(appointment.id())).query().singleRow();
        assertThat(stored.get("pain_worst_day")).isEqualTo(6);
        assertThat(stored.get("pgic")).as("PGIC is asked from week 2 only").isNull();
        assertThat(stored.get("side_effects")).isEqualTo("FLARE");
        assertThat((BigDecimal) stored.get("glucose_mmol_l")).isEqualByComparingTo("9.4");
        assertThat((Integer) stored.get("minutes_after")).isBetween(25 * 60, 25 * 60 + 2);

        fixtures.injectedAgo(appointment.id(), Duration.ofDays(15));
        assertThatThrownBy(() -> patientDiaries.record(token, pain("D7", 2))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("earlier time");
        patientDiaries.record(token, new NewEntry("D14", 2, 3, 2, Set.of(), new BigDecimal("7.0"), Set.of()));

        assertThat(jdbc.sql("select glucose_mmol_l from diary_entry where episode_id = ? and time_point = 'D14'")
                .param(fixtures.episodeId(appointment.id())).query(BigDecimal.class).optional())
                .as("glucose is asked on days 1-7 only").isEmpty();
        assertThat(events.stream(DiaryReadingUpdated.class).filter(e -> e.appointmentId().equals(appointment.id())))
                .hasSize(2).last().satisfies(r -> {
                    assertThat(r.intent()).isEqualTo(Intent.THERAPEUTIC);
                    assertThat(r.baselinePain()).isEqualTo(7);
                    assertThat(r.reliefDays()).isEqualTo(15);
                    assertThat(r.reliefCensored()).isTrue();
                    assertThat(r.responderAtSixWeeks()).isNull();
                });
        // Refused to the application by grant (ADR 0048), and to the schema's owner by the trigger.
        assertThatThrownBy(() -> jdbc.sql("update diary_entry set pain_now = 0 where episode_id = ?")
                .param(fixtures.episodeId(appointment.id())).update()).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> org.synovia.database.EmbeddedDatabaseLogins.execute(context,
                org.synovia.database.EmbeddedDatabaseLogins.OWNER,
                "update diary_entry set pain_now = 0 where episode_id = '" + fixtures.episodeId(appointment.id()) + "'"))
                .hasMessageContaining("never changed");
    }

    @Test
    void refusesUnreadableAnswersBesideTheirFieldsAndWritesNothing() throws Exception {
        Appointment appointment = fixtures.therapeuticKnee();
        String token = fixtures.link(appointment.id());
        fixtures.injectedAgo(appointment.id(), Duration.ofHours(25));

        assertThatThrownBy(() -> patientDiaries.record(token, new NewEntry("D1", null, 11, null, Set.of(), new BigDecimal("99"), Set.of())))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("painNow", "painWorstDay", "glucoseMmolL"));
        mvc.perform(post("/my-diary/{t}", token).with(csrf()).with(from("10.1.0.1")).param("timePoint", "D1")
                        .param("painNow", "4").param("glucoseMmolL", "seven"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Give your blood sugar as a number in mmol/L")));
        assertThat(jdbc.sql("select count(*) from diary_entry where episode_id = ?").param(fixtures.episodeId(appointment.id()))
                .query(Integer.class).single()).isZero();

        patientDiaries.record(token, pain("D1", 4));
        mvc.perform(post("/my-diary/{t}", token).with(csrf()).with(from("10.1.0.1")).param("timePoint", "D1")
                        .param("painNow", "4"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Your next entry is not due yet: day 2 after your injection.")));
    }

    @Test
    void showsUrgentAdviceForARedFlagAndPutsAnAlertOnTheTeamsListUntilAcknowledged() throws Exception {
        Appointment appointment = fixtures.therapeuticKnee();
        String token = fixtures.link(appointment.id());
        fixtures.injectedAgo(appointment.id(), Duration.ofDays(2).plusHours(1));
        int before = diaryAlerts.openAlertCount();

        mvc.perform(post("/my-diary/{t}", token).with(csrf()).with(from("10.1.0.2")).param("timePoint", "D2")
                        .param("painNow", "9").param("redFlags", "HOT_SWOLLEN_JOINT", "FEVER"))
                .andExpect(redirectedUrl("/my-diary/" + token + "/urgent"));
        mvc.perform(get("/my-diary/{t}/urgent", token).with(from("10.1.0.2")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("Get help today"),
                        Matchers.containsString("NHS 111"), Matchers.containsString("call 999"))));

        assertThat(diaryAlerts.openAlertCount()).isEqualTo(before + 1);
        String name = patients.find(new PatientId(appointment.patientId())).orElseThrow().displayName();
        mvc.perform(get("/diary/alerts").with(user(nurse.username()).roles("NURSE")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString(name),
                        Matchers.containsString("The joint is hot, red or swollen"), Matchers.containsString("Diary alerts ("))));
        mvc.perform(get("/diary/alerts").with(user("someone").roles("REFERRER"))).andExpect(status().isForbidden());

        AccountFixtures.signIn(nurse);
        UUID alertId = diaryAlerts.alerts(true).stream().filter(a -> a.appointmentId().equals(appointment.id())).findFirst()
                .orElseThrow().id();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LIST' and record_type = 'DiaryAlert' "
                + "and patient_id = ? and record_id = ?").params(appointment.patientId(), alertId.toString())
                .query(Long.class).single()).as("the alerts list names the patient it showed").isPositive();
        assertThatThrownBy(() -> diaryAlerts.acknowledge(alertId, " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Say what you did");
        diaryAlerts.acknowledge(alertId, "Phoned the patient; seen in clinic today, aspirated");
        assertThatThrownBy(() -> diaryAlerts.acknowledge(alertId, "again")).hasMessageContaining("already acknowledged");

        assertThat(diaryAlerts.openAlertCount()).isEqualTo(before);
        assertThat(diaryAlerts.alerts(false)).filteredOn(a -> a.id().equals(alertId)).singleElement().satisfies(a -> {
            assertThat(a.acknowledgedBy()).isEqualTo(nurse.username());
            assertThat(a.actionTaken()).contains("aspirated");
            assertThat(a.acknowledgedAt()).isNotNull();
        });
    }

    /** A patient of their own with a red flag on day 2, sent from an address of its own. */
    private void redFlagged(String address) throws Exception {
        Appointment appointment = fixtures.therapeuticKnee();
        String token = fixtures.link(appointment.id());
        fixtures.injectedAgo(appointment.id(), Duration.ofDays(2).plusHours(1));
        mvc.perform(post("/my-diary/{t}", token).with(csrf()).with(from(address)).param("timePoint", "D2")
                .param("painNow", "8").param("redFlags", "FEVER")).andExpect(redirectedUrl("/my-diary/" + token + "/urgent"));
    }

    @Test
    void readsTheTeamsAlertListInAFixedNumberOfStatementsWhateverItsPatients() throws Exception {
        redFlagged("10.1.0.31");
        var asNurse = user(nurse.username()).roles("NURSE");
        long forFew = StatementCounter.countWarm(() -> mvc.perform(get("/diary/alerts").with(asNurse))
                .andExpect(status().isOk()));
        redFlagged("10.1.0.32");
        redFlagged("10.1.0.33");

        long forMore = StatementCounter.countWarm(() -> mvc.perform(get("/diary/alerts").with(asNurse))
                .andExpect(status().isOk()));

        assertThat(forMore).isEqualTo(forFew);
    }

    @Test
    void aLinkOpensAndWritesOnlyItsOwnEpisode() throws Exception {
        Appointment first = fixtures.therapeuticKnee();
        Appointment second = fixtures.therapeuticKnee();
        String firstToken = fixtures.link(first.id());
        String secondToken = fixtures.link(second.id());
        fixtures.injectedAgo(first.id(), Duration.ofHours(25));
        fixtures.injectedAgo(second.id(), Duration.ofHours(25));

        patientDiaries.record(firstToken, pain("D1", 1));
        mvc.perform(get("/my-diary/{t}", secondToken).with(from("10.1.0.3")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("What you have written"))));
        patientDiaries.record(secondToken, pain("D1", 9));

        assertThat(jdbc.sql("select e.appointment_id from diary_entry n join diary_episode e on e.id = n.episode_id "
                + "where n.pain_now = 1 and e.appointment_id in (?, ?)").params(first.id(), second.id())
                .query(UUID.class).list()).containsExactly(first.id());
        assertThat(jdbc.sql("select e.appointment_id from diary_entry n join diary_episode e on e.id = n.episode_id "
                + "where n.pain_now = 9 and e.appointment_id in (?, ?)").params(first.id(), second.id())
                .query(UUID.class).list()).containsExactly(second.id());
        // The page names no patient: the link is the only credential.
        String name = patients.find(new PatientId(first.patientId())).orElseThrow().familyName();
        mvc.perform(get("/my-diary/{t}", firstToken).with(from("10.1.0.3")))
                .andExpect(content().string(Matchers.not(Matchers.containsStringIgnoringCase(name))));
    }

    @Test
    void answersAWrongOrExpiredLinkWithAPlainPage() throws Exception {
        Appointment appointment = fixtures.therapeuticKnee();
        String token = fixtures.link(appointment.id());
        mvc.perform(get("/my-diary/{t}", token).with(from("10.1.0.4"))).andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
        String wrong = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        mvc.perform(get("/my-diary/{t}", wrong).with(from("10.1.0.4"))).andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("We do not recognise this link")));
        mvc.perform(get("/my-diary/{t}", "short").with(from("10.1.0.4"))).andExpect(status().isNotFound());
        mvc.perform(get("/my-diary/{t}", "x".repeat(500)).with(from("10.1.0.4"))).andExpect(status().isNotFound());
        mvc.perform(post("/my-diary/{t}", wrong).with(csrf()).with(from("10.1.0.4")).param("painNow", "3"))
                .andExpect(status().isNotFound());

        jdbc.sql("update diary_episode set expires_at = ? where appointment_id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofMinutes(1))), appointment.id()).update();
        mvc.perform(get("/my-diary/{t}", token).with(from("10.1.0.4"))).andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("This diary link has expired")));
        mvc.perform(post("/my-diary/{t}", token).with(csrf()).with(from("10.1.0.4")).param("painNow", "3"))
                .andExpect(status().isGone());
    }

    @Test
    void asksALinkOrAnAddressThatKeepsTryingToWait() throws Exception {
        Appointment appointment = fixtures.therapeuticKnee();
        String token = fixtures.link(appointment.id());

        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/my-diary/{t}", token).with(from("10.2.0.1"))).andExpect(status().isOk());
        }
        mvc.perform(get("/my-diary/{t}", token).with(from("10.2.0.1"))).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().string(Matchers.containsString("Please wait a minute")));
        // Counted per link and address: the same link from elsewhere (another patient's proxy) is not held up.
        mvc.perform(get("/my-diary/{t}", token).with(from("10.2.0.2"))).andExpect(status().isOk());

        for (int i = 0; i < 120; i++) {
            mvc.perform(get("/my-diary/{t}", "guess" + "A".repeat(30) + i).with(from("10.3.0.1")))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/my-diary/{t}", "guess" + "B".repeat(30)).with(from("10.3.0.1")))
                .andExpect(status().isTooManyRequests());
    }

    /** The scheduled job, not only the methods it calls: they audit, so they must run in their transactions. */
    @Test
    void sendsTheDueReminderWhenTheScheduledJobRuns() {
        Appointment appointment = fixtures.therapeuticKnee();
        fixtures.injectedAgo(appointment.id(), Duration.ofHours(25));

        diaryJobs.run();

        assertThat(fixtures.links(appointment.id(), "diary-reminder")).hasSize(1);
    }

    @Test
    void remindsOnceForEachDueTimePointWithAFreshLinkToTheSameDiary() {
        Appointment appointment = fixtures.therapeuticKnee();
        fixtures.injectedAgo(appointment.id(), Duration.ofHours(25));
        Instant now = clock.instant();

        assertThat(diaryJobs.sendReminders(now)).isPositive();
        int again = diaryJobs.sendReminders(now);

        assertThat(fixtures.links(appointment.id(), "diary-reminder")).singleElement().satisfies(link -> {
            assertThat(link).isNotEqualTo(fixtures.link(appointment.id()));
            assertThat(patientDiaries.open(link).due()).map(TimePoint::code).hasValue("D1");
        });
        assertThat(fixtures.links(appointment.id(), "diary-reminder")).hasSize(1);
        assertThat(again).isZero();
    }

    @Test
    void sendsTheReferrerASummaryWithThePdfOnceItsTimeHasCome() throws Exception {
        Appointment appointment = fixtures.therapeuticKnee();
        String token = fixtures.link(appointment.id());
        fixtures.injectedAgo(appointment.id(), Duration.ofDays(2).plusHours(1));
        patientDiaries.record(token, new NewEntry("D2", 3, 5, null, Set.of(SideEffect.FLUSHING), new BigDecimal("11.0"),
                Set.of(RedFlag.FEVER)));
        fixtures.injectedAgo(appointment.id(), Duration.ofDays(42).plusHours(1));
        patientDiaries.record(token, new NewEntry("W6", 3, 4, 2, Set.of(), null, Set.of()));
        assertThat(diaryJobs.sendSummaries(clock.instant())).as("12 weeks have not passed").isZero();
        AccountFixtures.signIn(nurse);
        UUID alertId = diaryAlerts.alerts(true).stream().filter(a -> a.appointmentId().equals(appointment.id())).findFirst()
                .orElseThrow().id();
        diaryAlerts.acknowledge(alertId, "Phoned the patient: a cold, no hot joint");
        AccountFixtures.signOut();

        fixtures.injectedAgo(appointment.id(), Duration.ofDays(84).plusHours(1));
        assertThat(diaryJobs.sendSummaries(clock.instant())).isPositive();

        byte[] pdf = jdbc.sql("select attachment from outbound_email where patient_id = ? and purpose = 'diary-summary' "
                + "and recipient = 'test@example.com'").param(appointment.patientId()).query(byte[].class).single();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Responder at 6 weeks: pain 7 to 3 at W6")
                    .contains("Duration of relief so far: 42 days").contains("Hot, red face (flushing) (D2)")
                    .contains("fever").contains("(acknowledged by " + nurse.displayName() + ": Phoned the patient")
                    .doesNotContain(nurse.username()).contains("Pain before the injection 7 out of 10")
                    .contains("Blood glucose (mmol/L) 11 at D2");
        }
        assertThat(jdbc.sql("select summary_text from diary_summary where episode_id = ?")
                .param(fixtures.episodeId(appointment.id())).query(String.class).single()).contains("Responder at 6 weeks");
        assertThat(diaryJobs.sendSummaries(clock.instant())).as("never twice").isZero();
    }

    @Test
    void closesAnExpiredEpisodeAndPublishesItsLastReading() {
        Appointment appointment = fixtures.therapeuticKnee();
        jdbc.sql("update diary_episode set expires_at = ? where appointment_id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofMinutes(1))), appointment.id()).update();

        assertThat(diaryJobs.closeExpired(clock.instant())).isPositive();

        assertThat(events.stream(DiaryReadingUpdated.class).filter(e -> e.appointmentId().equals(appointment.id())))
                .singleElement().satisfies(r -> assertThat(r.reliefDays()).isNull());
        assertThat(jdbc.sql("select closed_at from diary_episode where appointment_id = ?").param(appointment.id())
                .query(Instant.class).single()).isNotNull();
    }

    @Test
    void showsTheTeamTheDiaryWithItsReadingAndChartAndKeepsItFromOthers() throws Exception {
        Appointment appointment = fixtures.diagnosticKnee();
        String token = fixtures.link(appointment.id());
        fixtures.injectedAgo(appointment.id(), Duration.ofMinutes(61));
        patientDiaries.record(token, new NewEntry("H1", 2, null, null, Set.of(SideEffect.FLUSHING), null, Set.of()));

        mvc.perform(get("/diary/episodes/{id}", appointment.id()).with(user(nurse.username()).roles("NURSE")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("Positive diagnostic response"),
                        Matchers.containsString("<td>Hot, red face (flushing)</td>"),
                        Matchers.containsString("largest relief 71.4%"), Matchers.containsString("<svg"),
                        Matchers.containsString("Injection"))));
        mvc.perform(get("/diary/episodes/{id}/summary.pdf", appointment.id()).with(user(nurse.username()).roles("NURSE")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/diary/episodes/{id}", appointment.id()).with(user("someone").roles("BOOKING")))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> diaryEpisodes.episode(appointment.id()))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        AccountFixtures.signIn(nurse);
        assertThatThrownBy(() -> procedureRecords.signedRecordForSystem(appointment.id())).isInstanceOf(AccessDeniedException.class);
    }
}
