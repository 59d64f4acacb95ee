package org.synovia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Bookings;
import org.synovia.booking.SlotFinder;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.InstanceProperties;
import org.synovia.testing.TestClock;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.util.GreenMail;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A mail server that accepts the connection and never answers (issue #14: it took bookings, health and the
 * connection pool down with it). The clerk's booking must not wait for it, nor anything else.
 */
@SynoviaIntegrationTest
class SlowMailServerIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(SlowMailServerIntegrationTests.class);

    @Autowired MockMvc mvc;

    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired MessageSender smtp;
    @Autowired NotificationProperties properties;
    @Autowired AuditTrail audit;
    @Autowired Bookings bookings;
    @Autowired SlotFinder slotFinder;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;

    private OutboxFixtures.SilentMailServer silent;
    private GreenMail good;
    private EmailOutbox recovered;

    @AfterEach
    void stop() throws Exception {
        if (silent != null) {
            silent.close();
        }
        if (good != null) {
            good.stop();
        }
        if (recovered != null) {
            recovered.destroy();
        }
        AccountFixtures.signOut();
    }

    @Test
    void booksAtOnceStaysHealthyAndKeepsTheLetterQueuedUntilTheMailServerAnswersAgain() throws Exception {
        silent = new OutboxFixtures.SilentMailServer();
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UUID referralId = OutboxFixtures.waitingKnee(sessions, accounts, patients, referrals, vetting, clerk, LocalTime.of(6, 30));
        UUID slotId = slotFinder.search(referralId, 1).offers().getFirst().slot().id();
        AccountFixtures.signOut();
        // Emails other tests left waiting would otherwise be tried first, each round ending at the silent server.
        jdbc.sql("update outbound_email set next_attempt_at = ? where status = 'QUEUED'")
                .param(Timestamp.from(clock.instant().plus(Duration.ofDays(1)))).update();

        long started = System.nanoTime();
        MvcResult booked = mvc.perform(post("/bookings/referral/{id}", referralId).param("slotId", slotId.toString())
                        .with(user(clerk.username()).roles("BOOKING")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        long bookingMillis = (System.nanoTime() - started) / 1_000_000;
        UUID appointmentId = UUID.fromString(booked.getResponse().getRedirectedUrl().replace("/appointments/", ""));
        UUID letterId = await().atMost(Duration.ofSeconds(15)).until(() -> OutboxFixtures.letterId(jdbc, appointmentId),
                Optional::isPresent).orElseThrow();

        // While the sender waits on the silent server, everything else answers.
        await().atMost(Duration.ofSeconds(15)).until(() -> silent.waitingClients() >= 1);
        started = System.nanoTime();
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(content().string(
                org.hamcrest.Matchers.containsString("UP")));
        long healthMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        borrowEveryPooledConnectionAtOnce();
        long poolMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        mvc.perform(get("/appointments/{id}", appointmentId).with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk());
        long pageMillis = (System.nanoTime() - started) / 1_000_000;
        int stillWaiting = silent.waitingClients();
        Map<String, Object> duringTheHang = OutboxFixtures.letterRow(jdbc, appointmentId);

        // The read timeout ends each attempt; the letter waits in the queue for the next.
        Map<String, Object> afterTheTimeout = await().atMost(Duration.ofSeconds(20))
                .until(() -> OutboxFixtures.letterRow(jdbc, appointmentId), row -> row.get("last_error") != null);

        silent.close();
        silent = null;
        good = OutboxFixtures.goodMailServer();
        // Past the back-off pause: another instance, or this one's next round, sends it now.
        recovered = new EmailOutbox(jdbc, smtp, properties, audit, TestClock.at(clock.instant().plus(Duration.ofHours(1))),
                new InstanceProperties("after-the-outage"));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            recovered.sendDue();
            return "SENT".equals(OutboxFixtures.letterRow(jdbc, appointmentId).get("status"));
        });

        log.info("Silent mail server: booking answered in {} ms, health in {} ms, all {} pooled connections borrowed in {} ms,"
                + " appointment page in {} ms", bookingMillis, healthMillis, pool().getMaximumPoolSize(), poolMillis, pageMillis);
        assertThat(bookingMillis).as("the booking does not wait for the mail server").isLessThan(5_000);
        assertThat(healthMillis).isLessThan(2_000);
        assertThat(poolMillis).as("no pooled connection is held while talking to the mail server").isLessThan(3_000);
        assertThat(pageMillis).isLessThan(3_000);
        assertThat(stillWaiting).as("all of this happened while the sender was waiting").isGreaterThanOrEqualTo(1);
        assertThat(duringTheHang).containsEntry("status", "QUEUED");
        assertThat(afterTheTimeout).containsEntry("status", "QUEUED").containsEntry("claimed_by", null);
        assertThat((String) afterTheTimeout.get("last_error")).containsIgnoringCase("timed out");
        assertThat(Arrays.stream(good.getReceivedMessages()).filter(m -> messageId(m).equals(recovered.messageId(letterId))))
                .hasSize(1);
    }

    private HikariDataSource pool() throws Exception {
        return dataSource.unwrap(HikariDataSource.class);
    }

    private void borrowEveryPooledConnectionAtOnce() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < pool().getMaximumPoolSize(); i++) {
                held.add(dataSource.getConnection());
            }
        }
        finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    private static String messageId(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getMessageID();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
