package org.synovia.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.diary.DiaryEpisodes;
import org.synovia.diary.DiaryJobs;
import org.synovia.diary.DiaryFixtures;
import org.synovia.patient.Patients;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.procedure.ProcedureReports;
import org.synovia.procedure.ReportVersion;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralNotFoundException;
import org.synovia.referral.Referrals;
import org.synovia.testing.StatementCounter;
import org.synovia.vetting.Vetting;

@SynoviaIntegrationTest
class JourneysIntegrationTests {

    @Autowired org.springframework.context.ApplicationContext context;

    @Autowired Journeys journeys;
    @Autowired DiaryEpisodes diaryEpisodes;
    @Autowired DiaryJobs diaryJobs;
    @Autowired ProcedureRecords procedureRecords;
    @Autowired ProcedureReports procedureReports;
    @Autowired Clock clock;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    DiaryFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = DiaryFixtures.of(context);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void showsItsReferrerTheAppointmentEveryReportVersionAndTheDiarySummary() {
        Appointment appointment = signedAmendedAndSummarised();
        ReferralId referral = new ReferralId(appointment.referralId());
        AccountFixtures.signIn(referrerOf(appointment));

        Journey journey = journeys.of(referral);

        assertThat(journey.appointments()).singleElement().satisfies(visit -> {
            assertThat(visit.start().toInstant()).as("the fixtures moved it to start now").isEqualTo(jdbc
                    .sql("select lower(during) from appointment where id = ?").param(appointment.id())
                    .query(java.sql.Timestamp.class).single().toInstant());
            assertThat(visit.place()).isNotBlank();
            assertThat(visit.status()).isEqualTo("Booked");
        });
        assertThat(journey.reports()).extracting(ReportVersion::version).containsExactly(1, 2);
        assertThat(journey.reports()).extracting(ReportVersion::title).containsExactly("Procedure report", "Amended report (version 2)");
        assertThat(journey.summaries()).singleElement().satisfies(s -> assertThat(s.text()).isNotBlank());
        assertThat(journey.openQuestions()).isEmpty();
        byte[] amended = procedureReports.reportPdfForReferrer(referral, appointment.id(), 2);
        assertThat(new String(amended, 0, 5)).isEqualTo("%PDF-");
        assertThat(new String(diaryEpisodes.summaryPdfForReferrer(referral, appointment.id()), 0, 5)).isEqualTo("%PDF-");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and record_type = 'ProcedureReport' "
                + "and record_id = ? and details like '%for the referrer'").param(appointment.id().toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LIST' and record_type = 'ProcedureReport' "
                + "and patient_id = ?").param(appointment.patientId()).query(Long.class).single()).isPositive();
    }

    @Test
    void showsAnotherReferrerNothingOfTheReferral() {
        Appointment appointment = signedAmendedAndSummarised();
        ReferralId referral = new ReferralId(appointment.referralId());
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));

        assertThatThrownBy(() -> journeys.of(referral)).isInstanceOf(ReferralNotFoundException.class);
        assertThatThrownBy(() -> procedureReports.reportPdfForReferrer(referral, appointment.id(), 1))
                .isInstanceOf(ReferralNotFoundException.class);
        assertThatThrownBy(() -> diaryEpisodes.summaryPdfForReferrer(referral, appointment.id()))
                .isInstanceOf(ReferralNotFoundException.class);
        assertThat(journeys.news()).noneMatch(item -> item.referralId().equals(referral));
    }

    @Test
    void listsWhatIsNewNewestFirstUntilTheReferrerLooks() {
        Appointment appointment = signedAmendedAndSummarised();
        ReferralId referral = new ReferralId(appointment.referralId());
        AccountFixtures.signIn(referrerOf(appointment));

        List<NewsItem> news = journeys.news().stream().filter(item -> item.referralId().equals(referral)).toList();

        assertThat(news).extracting(NewsItem::kind).containsExactly(NewsItem.Kind.DIARY_SUMMARY_SENT,
                NewsItem.Kind.REPORT_AMENDED, NewsItem.Kind.REPORT_SIGNED, NewsItem.Kind.APPOINTMENT_BOOKED);
        assertThat(news.getFirst().patient()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LIST' and record_type = 'ReferrerNews' "
                + "and patient_id = ? and details like '%' || ? || '%'").params(appointment.patientId(),
                referral.value().toString()).query(Long.class).single()).as("the news names the patient it showed").isPositive();
        journeys.markSeen(news.get(1).at());
        assertThat(journeys.news()).filteredOn(item -> item.referralId().equals(referral)).extracting(NewsItem::kind)
                .as("marked up to the amended report; the later summary stays new")
                .containsExactly(NewsItem.Kind.DIARY_SUMMARY_SENT);
        journeys.of(referral);
        assertThat(journeys.news()).as("opening the referral shows everything").noneMatch(item -> item.referralId().equals(referral));
    }

    @Test
    void listsAQuestionWaitingForTheReferrerUntilTheyAnswerIt() {
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        AccountFixtures.signIn(referrer);
        UUID patient = ((org.synovia.patient.Registration.Registered) patients.register(
                org.synovia.patient.PatientFixtures.adult(), false)).patient().id().value();
        ReferralId referral = referrals.submit(UUID.randomUUID(), org.synovia.referral.ReferralFixtures.kneeOnApixaban(patient)).id();
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.RADIOLOGIST));
        vetting.askForInformation(referral, "When was the last INR?");
        AccountFixtures.signIn(referrer);

        assertThat(journeys.news()).filteredOn(item -> item.referralId().equals(referral))
                .extracting(NewsItem::kind, NewsItem::what)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NewsItem.Kind.QUESTION_WAITING, "When was the last INR?"));
        assertThat(journeys.of(referral).openQuestions()).extracting(q -> q.question()).containsExactly("When was the last INR?");
        assertThat(journeys.of(referral).appointments()).isEmpty();

        referrals.answerInformation(referral, "2.4 on 10 January 2027");

        assertThat(journeys.of(referral).openQuestions()).isEmpty();
        assertThat(journeys.news()).noneMatch(item -> item.referralId().equals(referral));
    }

    @Test
    void readsTheHomePageNewsInAFixedNumberOfStatements() throws Exception {
        Appointment first = signedAmendedAndSummarised();
        UserAccount referrer = referrerOf(first);
        AccountFixtures.signIn(referrer);
        journeys.news();
        long one = StatementCounter.count(() -> journeys.news());
        // The fixtures refer every patient from one referrer of their own.
        Appointment second = fixtures.therapeuticKnee();
        Appointment third = fixtures.therapeuticKnee();
        AccountFixtures.signIn(referrer);

        List<NewsItem>[] news = new List[1];
        long three = StatementCounter.count(() -> news[0] = journeys.news());

        assertThat(news[0]).extracting(NewsItem::referralId).contains(new ReferralId(first.referralId()),
                new ReferralId(second.referralId()), new ReferralId(third.referralId()));
        assertThat(three).isEqualTo(one);
    }

    @Test
    void readsEveryTableOfTheViewThroughAnIndex() {
        List<String> queries = List.of(
                "select * from appointment where referral_id = any(array['00000000-0000-4000-8000-000000000000'::uuid]) order by booked_at, id",
                "select r.appointment_id from procedure_report r join procedure_record p on p.appointment_id = r.appointment_id "
                        + "where r.appointment_id = any(array['00000000-0000-4000-8000-000000000000'::uuid])",
                "select s.episode_id from diary_summary s join diary_episode e on e.id = s.episode_id "
                        + "where e.appointment_id = any(array['00000000-0000-4000-8000-000000000000'::uuid])",
                "select q.* from referral_information_request q join referral r on r.id = q.referral_id "
                        + "where q.referral_id = any(array['00000000-0000-4000-8000-000000000000'::uuid])",
                "select * from journey_seen where username = 'someone' and referral_id = any(array['00000000-0000-4000-8000-000000000000'::uuid])");
        for (String query : queries) {
            String plan = transactions.execute(status -> {
                jdbc.sql("set local enable_seqscan = off").update();
                return String.join("\n", jdbc.sql("explain " + query).query(String.class).list());
            });
            assertThat(plan).as(query).doesNotContainPattern(
                    "Seq Scan on (appointment|procedure_\\w+|diary_\\w+|referral\\w*|journey_seen)\\b");
        }
    }

    /** A knee injection signed, amended once and followed by its diary summary 12 weeks on. */
    private Appointment signedAmendedAndSummarised() {
        Appointment appointment = fixtures.therapeuticKnee();
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.RADIOLOGIST));
        procedureRecords.addAddendum(appointment.id(), "Effusion aspirated before the injection: 10 mL, clear.", "omitted at signing");
        AccountFixtures.signOut();
        fixtures.injectedAgo(appointment.id(), Duration.ofDays(84).plusHours(1));
        diaryJobs.sendSummaries(clock.instant());
        return appointment;
    }

    private UserAccount referrerOf(Appointment appointment) {
        String username = jdbc.sql("select submitted_by from referral where id = ?").param(appointment.referralId())
                .query(String.class).single();
        return accounts.find(username).orElseThrow();
    }
}
