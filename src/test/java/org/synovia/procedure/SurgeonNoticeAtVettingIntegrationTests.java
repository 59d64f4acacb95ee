package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.notification.EmailOutbox;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.safety.Finding;
import org.synovia.safety.Severity;
import org.synovia.testing.RecordCopies;
import org.synovia.testing.TestSmtp;
import org.synovia.booking.BookingFixtures;
import org.synovia.vetting.Acceptance;
import org.synovia.vetting.JointReplacementTooCloseFound;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;

/**
 * A planned replacement of the same joint found too close at vetting tells the surgeon named on the referral by email,
 * through the outbox, once per referral (issue 12 §3, ADR 0044, HAZ-90).
 */
@SynoviaIntegrationTest
class SurgeonNoticeAtVettingIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired EmailOutbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** Refers a left knee whose replacement is planned on {@code replacement}, and accepts it, overriding the STOP. */
    private Referral acceptedWithReplacementOn(LocalDate replacement, String surgeonEmail) {
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(referrer);
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        ReferralDetails details = RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId), "plannedReplacementDate",
                replacement);
        details = RecordCopies.with(details, "plannedReplacementSurgeonName", "Ms Example Surgeon");
        details = RecordCopies.with(details, "plannedReplacementSurgeonEmail", surgeonEmail);
        Referral referral = referrals.submit(UUID.randomUUID(), details);
        AccountFixtures.signIn(radiologist);
        var protocol = BookingFixtures.ultrasoundKnee();
        Map<String, String> reasons = vetting.recheck(referral.id(), protocol).needingJustification().stream()
                .collect(Collectors.toMap(Finding::ruleId, f -> "Surgeon's list may move; injection for pain now",
                        (a, b) -> a));
        assertThat(reasons).containsKey("SAF-024");
        vetting.accept(referral.id(), protocol, new Acceptance(null, null, null, reasons));
        AccountFixtures.signOut();
        return referral;
    }

    private long noticesTo(UUID patientId) {
        return jdbc.sql("select count(*) from outbound_email where patient_id = ? and purpose = 'surgeon-joint-replacement'")
                .param(patientId).query(Long.class).single();
    }

    @Test
    void emailsTheSurgeonOnceWithBothDatesAndTheSource() throws Exception {
        LocalDate replacement = LocalDate.now(clock).plusMonths(2);
        Referral referral = acceptedWithReplacementOn(replacement, "surgeon.vetting@example.com");
        UUID patientId = referral.details().patientId();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> noticesTo(patientId) == 1);
        assertThat(jdbc.sql("select stage from surgeon_notice where referral_id = ?").param(referral.id().value())
                .query(String.class).single()).isEqualTo("VETTING");

        // The event again (a crash before its publication completed, or a second instance): nothing more is sent.
        var again = new JointReplacementTooCloseFound(referral.id().value(), patientId, UUID.randomUUID(), Severity.STOP,
                "again", java.util.List.of("source"), replacement, LocalDate.now(clock), "someone", clock.instant());
        transactions.executeWithoutResult(tx -> events.publishEvent(again));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select count(*) from event_publication where completion_date is null "
                        + "and event_type like '%JointReplacementTooCloseFound' and serialized_event like ?")
                .param("%" + referral.id().value() + "%").query(Long.class).single() == 0);
        assertThat(noticesTo(patientId)).isEqualTo(1);

        // Emails other tests left waiting would otherwise be sent first, each with its PDF, on a busy machine.
        jdbc.sql("update outbound_email set next_attempt_at = ? where status = 'QUEUED' and patient_id <> ?")
                .params(java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(1))), patientId).update();
        outbox.sendDue();
        MimeMessage message = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals("surgeon.vetting@example.com")).findFirst().orElse(null), m -> m != null);
        assertThat(message.getSubject()).startsWith("Injection planned close to your joint replacement: ");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(message).replaceAll("=\\r?\\n", "");
        assertThat(body).contains("Dear Ms Example Surgeon")
                .contains("Planned joint replacement: " + DAY.format(replacement))
                .contains("Injection: not before ")
                .contains("The safety check at vetting found:")
                .contains("do not inject; discuss with the surgeon [RI-10, CI-13]")
                .contains("EULAR")
                .contains("recommendation 9 [RI-10, CI-13]");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals("surgeon.vetting@example.com")))
                .hasSize(1);
    }

    @Test
    void keepsTheNoticeWithoutSendingWhenTheReferralGivesNoSurgeonEmail() {
        Referral referral = acceptedWithReplacementOn(LocalDate.now(clock).plusMonths(2), null);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from surgeon_notice where referral_id = ?").param(referral.id().value())
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("select surgeon_email is null from surgeon_notice where referral_id = ?")
                .param(referral.id().value()).query(Boolean.class).single()).isTrue();
        assertThat(noticesTo(referral.details().patientId())).isZero();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
