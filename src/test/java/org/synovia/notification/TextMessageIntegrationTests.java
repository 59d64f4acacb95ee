package org.synovia.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.SlotFinder;
import org.synovia.patient.NewPatient;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.InstanceProperties;
import org.synovia.testing.RecordCopies;
import org.synovia.testing.TestClock;
import org.synovia.vetting.Vetting;

/**
 * A patient with a mobile and no email is told of their appointment by text through the clinic's SMS gateway (a
 * local fake of its HTTP API): the date, the place and a link, nothing clinical; the letter is printed as well.
 */
@SynoviaIntegrationTest
class TextMessageIntegrationTests {

    static final FakeTextProviders.Gateway gateway = new FakeTextProviders.Gateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        MessageFixtures.textThrough(gateway, registry);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired BookingDesk desk;
    @Autowired SlotFinder slotFinder;
    @Autowired MessageCentre messages;
    @Autowired JdbcClient jdbc;
    @Autowired EmailOutbox outbox;
    @Autowired MessageSender smtp;
    @Autowired TextChannel texts;
    @Autowired NotificationProperties properties;
    @Autowired AuditTrail audit;
    @Autowired Clock clock;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void textsTheDateAndPlaceWithALinkAndPrintsTheLetterWithTheInstructions() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        String mobile = "07700 9" + String.format("%05d", (int) (Math.random() * 100_000));
        NewPatient patient = RecordCopies.with(RecordCopies.with(PatientFixtures.adult(), "email", null), "mobile", mobile);
        Appointment appointment = new MessageFixtures(accounts, patients, referrals, vetting, sessions, slotFinder, desk, jdbc)
                .book(clerk, patient, LocalTime.of(16, 0));

        FakeTextProviders.Received text = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> gateway.received.stream().filter(r -> r.to().equals(mobile)).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();

        assertThat(text.text()).contains("/my-appointment/").contains("Your letter follows by post")
                .doesNotContainIgnoringCase("apixaban").doesNotContainIgnoringCase("facet")
                .doesNotContainIgnoringCase("steroid").doesNotContain(EmailOutbox.LINK);
        List<String> channels = jdbc.sql("select channel from outbound_email where about_id = ? order by channel")
                .param(appointment.id()).query(String.class).list();
        assertThat(channels).containsExactly("LETTER", "SMS");
        UUID sms = jdbc.sql("select id from outbound_email where about_id = ? and channel = 'SMS'").param(appointment.id())
                .query(UUID.class).single();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> messages.open(sms).orElseThrow().status() == OutboundEmail.Status.SENT);
        assertThat(messages.open(sms).orElseThrow().body()).contains(EmailOutbox.LINK);
    }

    @Test
    void aMailServerThatIsDownHoldsUpNoTextInTheSameRound() {
        // Nothing listens on the test SMTP port in this class: every email fails at once.
        String mobile = "07700 8" + String.format("%05d", (int) (Math.random() * 100_000));
        Instant later = clock.instant().plus(Duration.ofDays(3650));
        UUID[] queued = transactions.execute(status -> {
            UUID email = outbox.queue("held.up@example.com", "Waiting for the mail server", "An email queued first", null,
                    "outage-test");
            UUID text = outbox.queue(new EmailOutbox.Stored(Channel.SMS, mobile, "Reminder", "A text queued after it", null,
                    null, "outage-test", null, null, null));
            // Due only for the outbox below, so that the application's own rounds leave them alone; the email oldest.
            jdbc.sql("update outbound_email set next_attempt_at = ?, created_at = created_at - interval '1 day' where id = ?")
                    .params(Timestamp.from(later), email).update();
            jdbc.sql("update outbound_email set next_attempt_at = ? where id = ?").params(Timestamp.from(later), text).update();
            return new UUID[] {email, text};
        });
        EmailOutbox round = new EmailOutbox(jdbc, smtp, texts, properties, audit, TestClock.at(later),
                new InstanceProperties("mail-outage"));
        try {
            round.sendDue();
        }
        finally {
            round.destroy();
        }

        assertThat(gateway.received).as("the text went in the round where the email failed")
                .anySatisfy(r -> assertThat(r.to()).isEqualTo(mobile));
        assertThat(jdbc.sql("select status || ' ' || (last_error is not null) from outbound_email where id = ?")
                .param(queued[0]).query(String.class).single()).isEqualTo("QUEUED true");
    }
}
