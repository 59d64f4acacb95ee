package org.synovia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.SlotFinder;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.safety.MedicationPlan;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.Guidance;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.Vetting;

@SynoviaIntegrationTest
class RemindersIntegrationTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired Reminders reminders;

    @Autowired Clock clock;
    @Autowired EmailOutbox outbox;
    @Autowired SlotFinder slotFinder;
    @Autowired BookingDesk desk;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired AcceptedProtocols protocols;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private Appointment bookCervicalFacetOnApixaban() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.CT, day, LocalTime.of(19, 0), LocalTime.of(19, 45),
                    List.of(45));
        }
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                BookingFixtures::cervicalFacetOnApixaban, BookingFixtures.ctCervicalFacet());
        AccountFixtures.signIn(clerk);
        Appointment appointment = desk.book(referralId, slotFinder.search(referralId, 1).offers().getFirst().slot().id());
        AccountFixtures.signOut();
        return appointment;
    }

    /**
     * A fact recorded on the referral changes what the patient is sent: apixaban before a cervical facet is held,
     * so a reminder goes on the stop day; with a mechanical heart valve recorded the stop is for the prescriber
     * (facts AC-42), and no reminder tells the patient to stop.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "mechanical valve {0} → stop-day reminder {1}")
    @org.junit.jupiter.params.provider.CsvSource({"NO, true", "YES, false"})
    void remindsThePatientToStopOnlyWhenTheRecordedFactsAllowAnAutomaticStop(
            org.synovia.shared.YesNoUnknown valve, boolean stopReminder) {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.CT, day, LocalTime.of(19, 0), LocalTime.of(19, 45),
                    List.of(45));
        }
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                patientId -> org.synovia.testing.RecordCopies.with(BookingFixtures.cervicalFacetOnApixaban(patientId),
                        "thromboticRisk", new org.synovia.referral.ReferralDetails.ThromboticRisk(valve, null, null, null)),
                BookingFixtures.ctCervicalFacet());
        AccountFixtures.signIn(clerk);
        Appointment appointment = desk.book(referralId, slotFinder.search(referralId, 1).offers().getFirst().slot().id());
        AccountFixtures.signOut();
        LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), LONDON);
        MedicationPlan plan = protocols.checkAt(new ReferralId(appointment.referralId()), start).assessment()
                .planFor(Antithrombotic.APIXABAN).orElseThrow();

        // Every day from two weeks before to the start, as the scheduled job would.
        for (LocalDateTime at = start.minusDays(14); at.isBefore(start); at = at.plusHours(6)) {
            reminders.queueDue(at.atZone(LONDON).toInstant());
        }

        assertThat(plan.action()).isEqualTo(stopReminder ? org.synovia.safety.PlanAction.HOLD
                : org.synovia.safety.PlanAction.REFER_TO_PRESCRIBER);
        assertThat(reminderKinds(appointment, "QUEUED").contains("STOP_APIXABAN")).isEqualTo(stopReminder);
        assertThat(reminderKinds(appointment, "QUEUED")).contains("DAYS_BEFORE_1");
    }

    /** The scheduled job, not only the method it calls: it must reach that method through its transaction. */
    @Test
    void decidesTheRemindersDueWhenTheScheduledJobRuns() {
        Appointment appointment = bookCervicalFacetOnApixaban();

        reminders.run();

        assertThat(jdbc.sql("select count(*) from reminder where appointment_id = ?").param(appointment.id())
                .query(Long.class).single()).as("the reminders due by now, decided (queued or skipped)").isPositive();
    }

    private List<String> reminderKinds(Appointment appointment, String status) {
        return jdbc.sql("select kind from reminder where appointment_id = ? and status = ? order by kind")
                .params(appointment.id(), status).query(String.class).list();
    }

    private int reminderEmails(Appointment appointment) {
        return jdbc.sql("""
                select count(*) from outbound_email e join reminder r on r.email_id = e.id where r.appointment_id = ?
                """).param(appointment.id()).query(Integer.class).single();
    }

    @Test
    void remindsOnTheDayToStopApixabanAndTheDayBeforeButNeverTwice() throws Exception {
        Appointment appointment = bookCervicalFacetOnApixaban();
        LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), LONDON);
        MedicationPlan plan = protocols.checkAt(new ReferralId(appointment.referralId()), start).assessment()
                .planFor(Antithrombotic.APIXABAN).orElseThrow();
        LocalDateTime stopMorning = plan.lastDose().toLocalDate().atTime(7, 0);
        Instant onStopDay = (stopMorning.isBefore(plan.lastDose()) ? stopMorning : plan.lastDose().minusHours(1))
                .plusMinutes(1).atZone(LONDON).toInstant();
        Instant dayBefore = start.toLocalDate().minusDays(1).atTime(9, 1).atZone(LONDON).toInstant();

        reminders.queueDue(onStopDay);
        reminders.queueDue(onStopDay);

        assertThat(reminderKinds(appointment, "QUEUED")).contains("STOP_APIXABAN").doesNotContain("DAYS_BEFORE_1");
        assertThat(reminderKinds(appointment, "SKIPPED")).contains("DAYS_BEFORE_7");
        String stopEmail = jdbc.sql("""
                select e.body from outbound_email e join reminder r on r.email_id = e.id
                where r.appointment_id = ? and r.kind = 'STOP_APIXABAN'
                """).param(appointment.id()).query(String.class).single();
        assertThat(stopEmail).contains(plan.patientInstruction());

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = List.of(1, 2, 3).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reminders.queueDue(dayBefore);
        })).toList();
        go.countDown();
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();

        assertThat(reminderKinds(appointment, "QUEUED")).containsExactly("DAYS_BEFORE_1", "STOP_APIXABAN");
        assertThat(reminderEmails(appointment)).isEqualTo(2);
        reminders.queueDue(dayBefore.plusSeconds(3600));
        assertThat(reminderEmails(appointment)).isEqualTo(2);
    }

    @Test
    void showsFailedEmailsToStaffAndLetsThemTryAgain() throws Exception {
        UUID id = jdbc.sql("select gen_random_uuid()").query(UUID.class).single();
        jdbc.sql("""
                insert into outbound_email (id, recipient, subject, body, purpose, status, attempts, last_error, created_at, next_attempt_at)
                values (?, 'nobody@example.invalid', 'Failed for the test', 'x', 'test', 'FAILED', 5, 'Connection refused', ?, ?)
                """).params(id, Timestamp.from(clock.instant()), Timestamp.from(clock.instant())).update();

        mvc.perform(get("/messages").with(user("clerk").roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Failed for the test")))
                .andExpect(content().string(Matchers.containsString("Connection refused")));
        mvc.perform(post("/messages/{id}/retry", id).with(user("clerk").roles("BOOKING")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select attempts from outbound_email where id = ?").param(id).query(Integer.class).single())
                .isLessThan(5);
        mvc.perform(get("/messages").with(user("ref").roles("REFERRER"))).andExpect(status().isForbidden());
    }
}
