package org.synovia.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.synovia.shared.OwnerOnlyFiles;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL and the watch kept on it. Every check interval a supervisor thread asks whether the
 * postmaster named in {@code postmaster.pid} is alive and takes connections; when the process is gone it starts
 * a new server on the same data directory and port, so the connection pool, which knows only the port, gets its
 * connections back without the application restarting. A postmaster that is alive but not yet answering (its own
 * crash recovery after a backend died) is left to finish.
 */
final class SupervisedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SupervisedPostgres.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration BACKEND_EXIT_WAIT = Duration.ofSeconds(10);
    /**
     * While the server is up, one check in this many also lists its backends and opens a connection: listing scans
     * every process on the machine and each connection makes the postmaster fork a backend, which cost more idle
     * CPU than all the rest of the application. A dead postmaster is still seen at the next check.
     */
    private static final int FULL_CHECK_EVERY = 10;

    /** What the supervisor last saw. */
    enum State {
        UP, DOWN, STOPPED
    }

    private final Path dataDirectory;
    private final EmbeddedCredentials credentials;
    private final Duration checkInterval;
    private final AtomicInteger restarts = new AtomicInteger();
    /** The server processes seen at the last check, so that backends orphaned by a dead postmaster can be stopped. */
    private final Set<ProcessHandle> serverProcesses = new HashSet<>();
    private final ScheduledExecutorService supervisor;
    private volatile EmbeddedPostgres postgres;
    private volatile State state;
    private volatile int port;
    private long downSinceNanos;
    private int checksSinceFull;
    private boolean lockLeaked;

    private SupervisedPostgres(Path dataDirectory, Duration checkInterval, EmbeddedPostgres first) {
        this.dataDirectory = dataDirectory;
        this.credentials = EmbeddedCredentials.readFrom(dataDirectory);
        this.checkInterval = checkInterval;
        this.postgres = first;
        this.port = first.getPort();
        this.state = State.UP;
        this.supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the server and, when the interval is positive, its supervisor. */
    static SupervisedPostgres start(Path dataDirectory, EmbeddedDatabaseProperties properties) {
        EmbeddedPostgres first = newServer(dataDirectory, properties.port(), properties.cleanOnStart());
        SupervisedPostgres server = new SupervisedPostgres(dataDirectory, properties.checkInterval(), first);
        if (!properties.checkInterval().isZero() && !properties.checkInterval().isNegative()) {
            server.supervisor.scheduleWithFixedDelay(server::checkQuietly, properties.checkInterval().toMillis(),
                    properties.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        return server;
    }

    /** The server's address without a login: every connection names its role and password (ADR 0048). */
    String jdbcUrl() {
        return jdbcUrl(port);
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    EmbeddedCredentials credentials() {
        return credentials;
    }

    /** A connection as one of the three roles ({@link EmbeddedCredentials#SUPERUSER}, {@code OWNER}, {@code APPLICATION}). */
    Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), role, password(credentials, role));
    }

    /** Connections as the role, opened on demand (no pool): for the migrations and for tests. */
    DataSource dataSource(String role) {
        return new DriverManagerDataSource(jdbcUrl(), role, password(credentials, role));
    }

    private static String password(EmbeddedCredentials credentials, String role) {
        return switch (role) {
            case EmbeddedCredentials.SUPERUSER -> credentials.superuser();
            case EmbeddedCredentials.OWNER -> credentials.owner();
            case EmbeddedCredentials.APPLICATION -> credentials.application();
            default -> throw new IllegalArgumentException("No embedded role " + role);
        };
    }

    int port() {
        return port;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    State state() {
        return state;
    }

    /**
     * Up at the last check and its postmaster still alive now: read without the supervisor's lock (held for seconds
     * during a restart), so the answer in the half second between a death and the next check is already "no".
     */
    boolean running() {
        return state == State.UP && postmaster().isPresent();
    }

    /** How many times the supervisor has started the server again since this JVM started it. */
    int restarts() {
        return restarts.get();
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // A failed check must not end the schedule: the next one tries again.
            log.error("Embedded PostgreSQL check failed", e);
        }
    }

    /** One look at the server; starts it again when its postmaster is gone. */
    synchronized void check() {
        if (observe()) {
            restart();
        }
    }

    /** Updates the state from what is seen now; true when the postmaster is gone and must be started again. */
    synchronized boolean observe() {
        if (state == State.STOPPED) {
            return false;
        }
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            if (state == State.UP && ++checksSinceFull < FULL_CHECK_EVERY && !serverProcesses.isEmpty()) {
                return false;
            }
            checksSinceFull = 0;
            serverProcesses.clear();
            serverProcesses.add(postmaster.get());
            postmaster.get().children().forEach(serverProcesses::add);
            boolean answering = state == State.UP ? acceptsConnections() : answersQueries();
            if (answering != (state == State.UP)) {
                changeTo(answering ? State.UP : State.DOWN);
            }
            return false;
        }
        if (state == State.UP) {
            changeTo(State.DOWN);
        }
        return true;
    }

    private void changeTo(State next) {
        if (next == State.DOWN) {
            downSinceNanos = System.nanoTime();
            log.error("EMBEDDED POSTGRESQL IS DOWN (data in {}, port {}): work that needs the database fails until it is back",
                    dataDirectory, port);
        } else {
            log.warn("Embedded PostgreSQL is answering again on port {} after {} ms", port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSinceNanos));
        }
        state = next;
    }

    private void restart() {
        int attempt = restarts.get() + 1;
        log.error("EMBEDDED POSTGRESQL PROCESS IS GONE: starting it again on port {} with data in {} (restart {})",
                port, dataDirectory, attempt);
        long started = System.nanoTime();
        try {
            // Closing the dead instance releases its lock on the data directory; its own stop finds no server.
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("The dead PostgreSQL instance did not close cleanly: {}", e.getMessage());
        }
        stopOrphanedBackends();
        try {
            stopOrphanedPostmaster(dataDirectory);
            if (lockLeaked) {
                // A start that failed inside the library keeps its lock on the old file; a new file is free.
                Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
                lockLeaked = false;
            }
            postgres = newServer(dataDirectory, port, false);
            restarts.incrementAndGet();
            log.warn("Embedded PostgreSQL started again on port {} in {} ms ({} restarts so far)", port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), restarts.get());
            changeTo(State.UP);
        } catch (IOException | RuntimeException e) {
            lockLeaked = true;
            log.error("Embedded PostgreSQL could not be started again; trying again in {} ms", checkInterval.toMillis(), e);
        }
    }

    /**
     * Backends outlive a killed postmaster for a moment and keep its shared memory, which a new postmaster
     * refuses to share; stop the ones seen at the last check.
     */
    private void stopOrphanedBackends() {
        List<ProcessHandle> alive = serverProcesses.stream().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false)).toList();
        alive.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : alive) {
            process.onExit().completeOnTimeout(process, BACKEND_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        }
        serverProcesses.clear();
    }

    /**
     * The live postmaster of this data directory. A killed postmaster stays a zombie until its parent (init) reaps
     * it, and a zombie counts as alive to {@link ProcessHandle#isAlive}; its command is no longer readable.
     */
    private Optional<ProcessHandle> postmaster() {
        return postmasterPid(dataDirectory).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .filter(p -> !zombie(p.pid()));
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            // No /proc (not Linux) or the process is gone: not a zombie we can see.
            return false;
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** After an outage, up means a query is answered, not only a port open (a recovering server opens it early). */
    private boolean answersQueries() {
        if (!acceptsConnections()) {
            return false;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl() + "?connectTimeout=1&socketTimeout=2",
                EmbeddedCredentials.SUPERUSER, credentials.superuser())) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        state = State.STOPPED;
        supervisor.shutdownNow();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * Starts PostgreSQL on the data directory, which it initialises when empty, with passwords required on every
     * connection (ADR 0048): a new cluster gets SCRAM-SHA-256 from initdb and the superuser's password from a
     * file read once; an existing one gets Synovia's own {@code pg_hba.conf} before each start. A cluster made
     * before passwords (trust) starts once as it was, gets its passwords and roles, and is then closed to trust.
     */
    private static EmbeddedPostgres newServer(Path dataDirectory, int port, boolean clean) {
        Path initialPassword = null;
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            if (clean) {
                wipe(dataDirectory);
            }
            boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
            boolean known = EmbeddedCredentials.existIn(dataDirectory);
            if (!fresh && !known && !EmbeddedAccess.trusting(dataDirectory)) {
                throw new IllegalStateException("The embedded database in " + dataDirectory + " asks for passwords but "
                        + EmbeddedCredentials.FILE_NAME + " is missing from it; restore the file from a backup of this "
                        + "directory, or delete the directory to start afresh");
            }
            EmbeddedCredentials credentials = known ? EmbeddedCredentials.readFrom(dataDirectory) : EmbeddedCredentials.generate();
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    // Never the library's own cleaning: it deletes the data directory when the instance is closed,
                    // and closing the dead instance is how a restart begins.
                    .setCleanDataDirectory(false)
                    // The leases stop the server in order; a JVM hook of its own would race the closing contexts.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // The library's own readiness check logs in as the superuser.
                    .setConnectConfig("password", credentials.superuser());
            EmbeddedPostgresServer.DURABILITY.forEach(builder::setServerConfig);
            EmbeddedAccess.SERVER_SETTINGS.forEach(builder::setServerConfig);
            if (fresh) {
                // initdb runs with "-A trust" from the library; these options come after it on its command line and win.
                initialPassword = Files.createTempFile("synovia-initdb", ".pw",
                        PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.OWNER_ONLY));
                Files.writeString(initialPassword, credentials.superuser());
                builder.setLocaleConfig("auth-local", EmbeddedAccess.METHOD).setLocaleConfig("auth-host", EmbeddedAccess.METHOD)
                        .setLocaleConfig("pwfile", initialPassword.toString());
            }
            // Runs after initdb and before every start.
            builder.setDataDirectoryCustomizer(directory -> {
                if (fresh) {
                    credentials.writeTo(EmbeddedCredentials.file(dataDirectory));
                }
                if (fresh || known) {
                    EmbeddedAccess.writeHostBasedAccess(dataDirectory);
                }
            });
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedAccess.setUpRoles(jdbcUrl(postgres.getPort()), credentials);
            if (!fresh && !known) {
                credentials.writeTo(EmbeddedCredentials.file(dataDirectory));
                EmbeddedAccess.closeToTrust(jdbcUrl(postgres.getPort()), dataDirectory, credentials);
                log.warn("The embedded database in {} now asks for passwords; they are in {} (owner-only)", dataDirectory,
                        EmbeddedCredentials.file(dataDirectory));
            }
            log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", postgres.getPort(),
                    dataDirectory, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        } finally {
            if (initialPassword != null) {
                try {
                    Files.deleteIfExists(initialPassword);
                } catch (IOException e) {
                    log.warn("Could not delete the temporary password file {}", initialPassword);
                }
            }
        }
    }

    /** Empties the data directory, so that the library runs initdb in it (tests start afresh this way). */
    private static void wipe(Path dataDirectory) throws IOException {
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dataDirectory)).toList()) {
                Files.delete(path);
            }
        }
    }

    static Optional<Long> postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return firstLine.matches("\\d+") ? Optional.of(Long.parseLong(firstLine)) : Optional.empty();
        } catch (IOException e) {
            // Being rewritten by a starting server: no answer this time.
            return Optional.empty();
        }
    }

    /**
     * A postmaster left running by a killed application keeps its lock file, and the next start
     * would fail on it. Stop it first.
     */
    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        postmasterPid(dataDirectory).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(stopping(dataDirectory));
    }

    private static Consumer<ProcessHandle> stopping(Path dataDirectory) {
        return process -> {
            log.warn("Stopping an orphaned PostgreSQL (pid {}) left in {}", process.pid(), dataDirectory);
            process.destroy();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        };
    }
}
