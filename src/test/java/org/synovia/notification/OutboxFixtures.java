package org.synovia.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.util.GreenMail;

/** Waiting patients, mail servers good and bad, and the outbox rows the tests of sending look at. */
final class OutboxFixtures {

    private OutboxFixtures() {
    }

    /** A patient waiting for an ultrasound knee injection with clinics every day at {@code start}; the clerk signed in. */
    static UUID waitingKnee(Sessions sessions, UserAccounts accounts, Patients patients, Referrals referrals, Vetting vetting,
            UserAccount clerk, LocalTime start) {
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, start, start.plusMinutes(20), List.of(20));
        }
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        return referralId;
    }

    /** The letter email of an appointment: id, status, attempts, claim, error and body. */
    static Map<String, Object> letterRow(JdbcClient jdbc, UUID appointmentId) {
        return jdbc.sql("""
                select e.id, e.status, e.attempts, e.claimed_by, e.claimed_until, e.last_error, e.body
                from notification_handled_event h join outbound_email e on e.id = h.outbound_email_id
                where h.event_key = ?
                """).param("letter:" + appointmentId).query().singleRow();
    }

    /** The letter email of an appointment once its listener has stored it. */
    static java.util.Optional<UUID> letterId(JdbcClient jdbc, UUID appointmentId) {
        return jdbc.sql("select outbound_email_id from notification_handled_event where event_key = ?")
                .param("letter:" + appointmentId).query(UUID.class).optional();
    }

    static long lettersTo(JdbcClient jdbc, UUID patientId) {
        return jdbc.sql("select count(*) from outbound_email where purpose = 'appointment-letter' and patient_id = ?")
                .param(patientId).query(Long.class).single();
    }

    /** A working mail server on the port a silent one has just let go: a second try if the port is not free yet. */
    static GreenMail goodMailServer() {
        for (int attempt = 1; ; attempt++) {
            GreenMail greenMail = new GreenMail(TestSmtp.serverSetup(TestSmtp.PORT));
            try {
                greenMail.start();
                return greenMail;
            }
            catch (IllegalStateException e) {
                greenMail.stop();
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** A mail server that accepts connections on the test SMTP port and never says a word. */
    static final class SilentMailServer implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger waiting = new AtomicInteger();

        SilentMailServer() {
            try {
                server = new ServerSocket();
                server.setReuseAddress(true);
                server.bind(new java.net.InetSocketAddress(TestSmtp.PORT));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofVirtual().name("silent-mail-server").start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        accepted.add(socket);
                        connections.incrementAndGet();
                        waiting.incrementAndGet();
                        Thread.ofVirtual().start(() -> waitForTheClientToHangUp(socket));
                    }
                    catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void waitForTheClientToHangUp(Socket socket) {
            try (var in = socket.getInputStream()) {
                while (in.read() >= 0) {
                    // An SMTP client says nothing before the greeting; whatever comes is ignored.
                }
            }
            catch (IOException e) {
                // closed by either side
            }
            finally {
                waiting.decrementAndGet();
            }
        }

        /** Connections accepted so far. */
        int connections() {
            return connections.get();
        }

        /** Clients connected now, still waiting for a greeting that never comes. */
        int waitingClients() {
            return waiting.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
