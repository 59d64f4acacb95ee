package org.synovia.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server per data directory and JVM, shared by every Spring context that leases it
 * (tests start several). It stops when the last lease is returned, that is after the last context has
 * closed its connection pool, so nothing in a closing context finds the database gone.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, Running> RUNNING = new HashMap<>();

    /**
     * A commit is acknowledged only once it is on disk. The embedded library starts PostgreSQL with
     * {@code -F} (fsync off) and {@code synchronous_commit=off}, which loses acknowledged transactions
     * when the server dies and can corrupt the cluster when the machine does; these settings come after
     * its own on the command line and win.
     */
    static final Map<String, String> DURABILITY = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private record Running(EmbeddedPostgres postgres, int leases) {
    }

    /** A context's hold on the server; closing it returns the hold. */
    record Lease(Path dataDirectory, EmbeddedPostgres postgres) implements AutoCloseable {

        @Override
        public void close() {
            release(dataDirectory);
        }
    }

    private EmbeddedPostgresServer() {
    }

    static synchronized Lease lease(EmbeddedDatabaseProperties properties) {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        Running running = RUNNING.get(dataDirectory);
        EmbeddedPostgres postgres = running == null ? start(dataDirectory, properties) : running.postgres();
        RUNNING.put(dataDirectory, new Running(postgres, running == null ? 1 : running.leases() + 1));
        return new Lease(dataDirectory, postgres);
    }

    private static synchronized void release(Path dataDirectory) {
        Running running = RUNNING.get(dataDirectory);
        if (running == null) {
            return;
        }
        if (running.leases() > 1) {
            RUNNING.put(dataDirectory, new Running(running.postgres(), running.leases() - 1));
            return;
        }
        RUNNING.remove(dataDirectory);
        try {
            running.postgres().close();
        }
        catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static EmbeddedPostgres start(Path dataDirectory, EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(properties.cleanOnStart())
                    // The leases stop the server in order; a JVM hook of its own would race the closing contexts.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60));
            DURABILITY.forEach(builder::setServerConfig);
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", postgres.getPort(),
                    dataDirectory, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return postgres;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A postmaster left running by a killed application keeps its lock file, and the next start
     * would fail on it. Stop it first.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!firstLine.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(firstLine))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(process -> {
                    log.warn("Stopping an orphaned PostgreSQL (pid {}) left in {}", process.pid(), dataDirectory);
                    process.destroy();
                    process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                });
    }
}
