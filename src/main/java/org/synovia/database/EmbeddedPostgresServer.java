package org.synovia.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One PostgreSQL server per data directory and JVM, shared by every Spring context that leases it
 * (tests start several). It stops when the last lease is returned, that is after the last context has
 * closed its connection pool, so nothing in a closing context finds the database gone.
 */
final class EmbeddedPostgresServer {

    private static final Map<Path, Running> RUNNING = new HashMap<>();
    /** Servers started ahead of their context's first lease ({@link StartAhead}), not yet leased. */
    private static final Map<Path, CompletableFuture<SupervisedPostgres>> STARTING = new HashMap<>();

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

    /**
     * Starts the server on a thread of its own, so that it comes up while the context is still being built; the
     * context's {@link #lease} takes it over, or waits for it. Nothing happens when the server runs already.
     */
    static synchronized void startAhead(EmbeddedDatabaseProperties properties) {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        if (RUNNING.containsKey(dataDirectory) || STARTING.containsKey(dataDirectory)) {
            return;
        }
        CompletableFuture<SupervisedPostgres> start = new CompletableFuture<>();
        Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
            try {
                start.complete(SupervisedPostgres.start(dataDirectory, properties));
            } catch (Throwable e) {
                start.completeExceptionally(e);
            }
        });
        STARTING.put(dataDirectory, start);
    }

    /** Stops a server started ahead for a context that failed before leasing it, so that no postmaster is left behind. */
    static void abandonAhead(EmbeddedDatabaseProperties properties) {
        CompletableFuture<SupervisedPostgres> start;
        synchronized (EmbeddedPostgresServer.class) {
            start = STARTING.remove(properties.dataDirectory().toAbsolutePath().normalize());
        }
        if (start == null) {
            return;
        }
        try {
            start.join().close();
        } catch (CompletionException e) {
            // Its start failed: there is nothing to stop, and the context's own failure is the one to report.
        }
    }

    static synchronized Lease lease(EmbeddedDatabaseProperties properties) {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        Running running = RUNNING.get(dataDirectory);
        CompletableFuture<SupervisedPostgres> ahead = STARTING.remove(dataDirectory);
        SupervisedPostgres server = running != null ? running.server()
                : ahead != null ? awaitStart(ahead) : SupervisedPostgres.start(dataDirectory, properties);
        RUNNING.put(dataDirectory, new Running(server, running == null ? 1 : running.leases() + 1));
        return new Lease(dataDirectory, server);
    }

    /** The server started ahead, or the exception its start failed with, as if it had been started here. */
    private static SupervisedPostgres awaitStart(CompletableFuture<SupervisedPostgres> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
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
