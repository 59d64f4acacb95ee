package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.database.DatabaseAvailability;

import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;

/**
 * The short round of the crash harness (the long one is {@code chaos/hl7-crash.sh}): HL7 orders arrive over MLLP
 * from several senders, each resending an order until it has its AA, while the PostgreSQL postmaster is killed
 * with SIGKILL a few times. Every acknowledged order must be there afterwards, once, and no sender may wait long
 * for an answer while the database is away.
 */
@SynoviaIntegrationTest
class Hl7DatabaseCrashIntegrationTests {

    private static final int SENDERS = 3;
    private static final int KILLS = 3;
    private static final int ORDERS_BETWEEN_KILLS = 6;
    private static final Duration LONGEST_ACCEPTABLE_ANSWER = Duration.ofSeconds(5);

    @Autowired MllpListener listener;
    @Autowired JdbcClient jdbc;
    @Autowired DatabaseAvailability database;
    @Value("${synovia.database.embedded.data-directory}") Path dataDirectory;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unavailableAnswers = new AtomicInteger();
    private final AtomicLong slowestAnswerNanos = new AtomicLong();
    private final CountDownLatch stop = new CountDownLatch(1);

    @Test
    void losesAndDuplicatesNoAcknowledgedOrderWhenPostgresIsKilledUnderLoad() throws Exception {
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senders.add(Thread.ofPlatform().name("hl7-crash-sender-" + i).start(this::sendUntilStopped));
        }
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                int before = acknowledged.size();
                await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= before + ORDERS_BETWEEN_KILLS);
                long postmaster = postmasterPid();
                ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
                await().atMost(Duration.ofSeconds(5)).until(() -> !database.available());
                await().atMost(Duration.ofSeconds(30)).until(() -> database.available() && postmasterPid() != postmaster);
            }
            int before = acknowledged.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= before + ORDERS_BETWEEN_KILLS);
        } finally {
            stop.countDown();
            for (Thread sender : senders) {
                sender.join(Duration.ofSeconds(60));
            }
        }

        List<String> missing = acknowledged.stream().filter(nhs -> referrals(nhs) == 0).toList();
        List<String> duplicated = sent.stream().filter(nhs -> referrals(nhs) > 1).toList();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo((KILLS + 1) * ORDERS_BETWEEN_KILLS);
        assertThat(missing).as("acknowledged orders missing").isEmpty();
        assertThat(duplicated).as("orders stored twice").isEmpty();
        assertThat(Duration.ofNanos(slowestAnswerNanos.get())).isLessThan(LONGEST_ACCEPTABLE_ANSWER);
        System.out.printf("HL7 crash round: %d orders acknowledged, %d answered 'database unavailable' on the way, "
                + "slowest answer %d ms, %d missing, %d duplicated%n", acknowledged.size(), unavailableAnswers.get(),
                TimeUnit.NANOSECONDS.toMillis(slowestAnswerNanos.get()), missing.size(), duplicated.size());
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
    }

    private int referrals(String nhs) {
        return jdbc.sql("select count(*) from referral r join patient p on p.id = r.patient_id where p.nhs_number = ?")
                .param(nhs).query(Integer.class).single();
    }

    /** Like a hospital's interface engine: each order is sent again, unchanged, until it is acknowledged. */
    private void sendUntilStopped() {
        // A context (and so a connection hub) per sender: a connection shared between senders is closed under the others.
        // Each with its own threads: HAPI's default executor is shared by every context in the JVM, the listener's too,
        // and closing a context shuts its executor down.
        ExecutorService threads = Executors.newCachedThreadPool();
        try (HapiContext client = MllpListener.context()) {
            client.setExecutorService(threads);
            while (stop.getCount() > 0) {
                Hl7InboundIntegrationTests.Sample sample = new Hl7InboundIntegrationTests.Sample();
                String text = sample.text("orm-o01-knee-on-apixaban.hl7", "C" + System.nanoTime());
                sent.add(sample.nhs);
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < giveUp && !sendOnce(client, text)) {
                    // A short pause before the resend (none once the round is over: the order must still be delivered).
                    stop.await(100, TimeUnit.MILLISECONDS);
                }
                if (System.nanoTime() < giveUp) {
                    acknowledged.add(sample.nhs);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean sendOnce(HapiContext client, String text) {
        long started = System.nanoTime();
        try {
            Connection connection = client.newClient("localhost", listener.port(), false);
            try {
                connection.getInitiator().setTimeout(30, TimeUnit.SECONDS);
                Message ack = connection.getInitiator().sendAndReceive(client.getPipeParser().parse(text));
                slowestAnswerNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
                Terser terser = new Terser(ack);
                if ("AA".equals(terser.get("MSA-1"))) {
                    return true;
                }
                if (String.valueOf(terser.get("MSA-3")).startsWith("Database unavailable")) {
                    unavailableAnswers.incrementAndGet();
                }
                return false;
            } finally {
                connection.close();
            }
        } catch (Exception e) {
            slowestAnswerNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
            return false;
        }
    }
}
