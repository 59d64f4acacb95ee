package org.synovia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.AppointmentBooked;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.PatientLinks;
import org.synovia.booking.SlotFinder;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.InstanceProperties;
import org.synovia.testing.TestClock;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Outbox instances on the application's database with their own clocks, sending to a mail server of their own,
 * as two Synovia instances would. The application's mail port stays closed here, so the application's own
 * attempts fail and it never sends what these tests watch.
 */
@SynoviaIntegrationTest
class EmailOutboxIntegrationTests {

    private static final Pattern PATIENT_LINK = Pattern.compile("/my-appointment/([A-Za-z0-9_-]+)");

    @Autowired JdbcClient jdbc;

    @Autowired Clock applicationClock;
    @Autowired NotificationProperties properties;
    @Autowired AuditTrail audit;
    @Autowired PatientLinks patientLinks;
    @Autowired SlotFinder slotFinder;
    @Autowired BookingDesk desk;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired AppointmentLetters letters;
    @Autowired PlatformTransactionManager transactions;

    private final int port = TestSmtp.freePort();
    private final GreenMail mailServer = new GreenMail(TestSmtp.serverSetup(port));
    private final List<EmailOutbox> outboxes = new ArrayList<>();

    @AfterEach
    void stop() {
        outboxes.forEach(EmailOutbox::destroy);
        mailServer.stop();
        AccountFixtures.signOut();
    }

    /** Real SMTP to this test's own server, with the application's timeouts. */
    private MessageSender smtp() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("localhost");
        mail.setPort(port);
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "3000");
        timeouts.put("mail.smtp.timeout", "5000");
        timeouts.put("mail.smtp.writetimeout", "5000");
        mail.setJavaMailProperties(timeouts);
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("mailSender", mail);
        return new SmtpMessageSender(beans.getBeanProvider(JavaMailSender.class), properties);
    }

    private EmailOutbox instance(String id, MessageSender sender, TestClock clock) {
        EmailOutbox outbox = new EmailOutbox(jdbc, sender, properties, audit, clock, new InstanceProperties(id));
        outboxes.add(outbox);
        return outbox;
    }

    @Test
    void resendsTheSameLetterWithTheSameLinkAfterTheSenderDiedBetweenSendingAndRecording() throws Exception {
        mailServer.start();
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UUID referralId = OutboxFixtures.waitingKnee(sessions, accounts, patients, referrals, vetting, clerk, LocalTime.of(6, 0));
        Appointment appointment = desk.book(referralId, slotFinder.search(referralId, 1).offers().getFirst().slot().id());
        AccountFixtures.signOut();
        // The letter is made by a listener after the booking commits, on a thread of its own.
        UUID letterId = await().atMost(Duration.ofSeconds(15)).until(() -> OutboxFixtures.letterId(jdbc, appointment.id()),
                Optional::isPresent).orElseThrow();
        String linkHash = linkHash(appointment.id());
        // A day ahead of the application's clock: the letter and whatever else waits is due for these instances.
        TestClock clock = TestClock.at(applicationClock.instant().plus(Duration.ofDays(1)));
        MessageSender smtp = smtp();
        EmailOutbox dying = instance("instance-that-dies", smtp, clock);

        // It sends its queue in order and dies right after the mail server accepted the letter, before recording it.
        EmailOutbox.Claimed claimed = await().atMost(Duration.ofSeconds(15)).until(() -> {
            Optional<EmailOutbox.Claimed> next = dying.claimNext();
            if (next.isPresent() && !next.get().id().equals(letterId)) {
                dying.record(next.get(), dying.deliver(next.get()));
            }
            return next.orElse(null);
        }, next -> next != null && next.id().equals(letterId));
        assertThat(dying.deliver(claimed)).isNull();
        // The booking event handled again, as a restarting instance would, in a transaction of its own on this thread.
        AccountFixtures.signIn(clerk);
        AppointmentLetters listener = AopTestUtils.getTargetObject(letters);
        new TransactionTemplate(transactions).executeWithoutResult(status -> listener.on(
                new AppointmentBooked(appointment.id(), referralId, appointment.patientId(), appointment.start(), null)));
        AccountFixtures.signOut();
        EmailOutbox survivor = instance("survivor", smtp, clock);
        survivor.sendDue();
        Object holderWhileTheLeaseRuns = OutboxFixtures.letterRow(jdbc, appointment.id()).get("claimed_by");
        clock.advance(properties.lease().plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            survivor.sendDue();
            return "SENT".equals(OutboxFixtures.letterRow(jdbc, appointment.id()).get("status"));
        });
        dying.record(claimed, null);

        assertThat(holderWhileTheLeaseRuns).as("nobody takes the letter while the dying instance's lease runs")
                .isEqualTo("instance-that-dies");
        List<MimeMessage> copies = Arrays.stream(mailServer.getReceivedMessages())
                .filter(m -> messageId(m).equals(dying.messageId(letterId))).toList();
        assertThat(copies).as("sent twice: at least once, with one Message-ID").hasSize(2);
        assertThat(text(copies.get(1))).isEqualTo(text(copies.get(0)));
        assertThat(pdf(copies.get(1))).isEqualTo(pdf(copies.get(0)));
        Matcher link = PATIENT_LINK.matcher(text(copies.get(0)).replaceAll("=\\r?\\n", ""));
        assertThat(link.find()).isTrue();
        assertThat(patientLinks.byPatientLink(link.group(1))).as("the first letter's link still opens the appointment")
                .map(Appointment::id).contains(appointment.id());
        assertThat(linkHash(appointment.id())).as("the event run again made no new link").isEqualTo(linkHash);
        assertThat(OutboxFixtures.lettersTo(jdbc, appointment.patientId())).as("and no second letter").isEqualTo(1);
        Map<String, Object> row = OutboxFixtures.letterRow(jdbc, appointment.id());
        assertThat(row).containsEntry("status", "SENT").containsEntry("claimed_by", null);
    }

    @Test
    void twoInstancesRacingOverOneQueueSendEachEmailOnce() throws Exception {
        mailServer.start();
        TestClock clock = TestClock.at(applicationClock.instant().plus(Duration.ofDays(1)));
        Map<String, AtomicInteger> handedOver = new ConcurrentHashMap<>();
        MessageSender smtp = smtp();
        MessageSender counting = (messageId, recipient, subject, body, attachment) -> {
            handedOver.computeIfAbsent(messageId, k -> new AtomicInteger()).incrementAndGet();
            smtp.send(messageId, recipient, subject, body, attachment);
        };
        EmailOutbox a = instance("instance-a", counting, clock);
        EmailOutbox b = instance("instance-b", counting, clock);
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Set<UUID> queued = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            queued.add((i % 2 == 0 ? a : b).queue("race-" + batch + "@example.org", "Race " + batch + " #" + i, "Body " + i,
                    null, "test"));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Integer>> sent = new ArrayList<>();
        for (EmailOutbox outbox : List.of(a, b, a, b)) {
            sent.add(threads.submit(() -> {
                start.await();
                int total = 0;
                for (int round = 0; round < 10; round++) {
                    total += outbox.sendDue();
                }
                return total;
            }));
        }
        start.countDown();
        for (Future<Integer> future : sent) {
            future.get();
        }
        threads.shutdown();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            a.sendDue();
            return statuses(queued).equals(Set.of("SENT"));
        });

        Set<String> ids = queued.stream().map(a::messageId).collect(Collectors.toSet());
        assertThat(handedOver.entrySet().stream().filter(e -> ids.contains(e.getKey())))
                .hasSize(40).allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).hasValue(1));
        assertThat(Arrays.stream(mailServer.getReceivedMessages()).filter(m -> subject(m).startsWith("Race " + batch))
                .map(EmailOutboxIntegrationTests::subject)).hasSize(40).doesNotHaveDuplicates();
    }

    private Set<String> statuses(Set<UUID> ids) {
        return jdbc.sql("select distinct status from outbound_email where id = any(?)").param(ids.toArray(UUID[]::new))
                .query(String.class).set();
    }

    private String linkHash(UUID appointmentId) {
        return jdbc.sql("select patient_link_hash from appointment where id = ?").param(appointmentId).query(String.class)
                .single();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        return (String) part(message, p -> p.isMimeType("text/plain")).getContent();
    }

    private static byte[] pdf(MimeMessage message) throws Exception {
        return part(message, p -> "appointment-letter.pdf".equals(p.getFileName())).getInputStream().readAllBytes();
    }

    private interface PartTest {
        boolean matches(jakarta.mail.Part part) throws jakarta.mail.MessagingException;
    }

    /** The first part, however deep in the multipart tree, that passes the test. */
    private static jakarta.mail.Part part(jakarta.mail.Part part, PartTest test) throws Exception {
        if (part.getContent() instanceof MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                try {
                    return part(parts.getBodyPart(i), test);
                }
                catch (java.util.NoSuchElementException e) {
                    // not in this branch
                }
            }
        }
        else if (test.matches(part)) {
            return part;
        }
        throw new java.util.NoSuchElementException();
    }
}
