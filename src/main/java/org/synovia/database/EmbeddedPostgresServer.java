package org.synovia.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One PostgreSQL server per data directory and JVM, shared by every Spring context that leases it
 * (tests start several). It stops when the last lease is returned, that is after the last context has
 * closed its connection pool, so nothing in a closing context finds the database gone.
 */
final class EmbeddedPostgresServer {

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

    private record Running(SupervisedPostgres server, int leases) {
    }

    /** A context's hold on the server; closing it returns the hold. */
    record Lease(Path dataDirectory, SupervisedPostgres server) implements AutoCloseable {

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
        SupervisedPostgres server = running == null ? SupervisedPostgres.start(dataDirectory, properties) : running.server();
        RUNNING.put(dataDirectory, new Running(server, running == null ? 1 : running.leases() + 1));
        return new Lease(dataDirectory, server);
    }

    private static synchronized void release(Path dataDirectory) {
        Running running = RUNNING.get(dataDirectory);
        if (running == null) {
            return;
        }
        if (running.leases() > 1) {
            RUNNING.put(dataDirectory, new Running(running.server(), running.leases() - 1));
            return;
        }
        RUNNING.remove(dataDirectory);
        running.server().close();
    }
}
