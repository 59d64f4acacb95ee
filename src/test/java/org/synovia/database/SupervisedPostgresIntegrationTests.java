package org.synovia.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL of its own (a scratch data directory) killed with SIGKILL, as the operating system or an operator
 * would: health says DOWN at once, the server comes back on the same port with every committed row.
 */
class SupervisedPostgresIntegrationTests {

    @TempDir static Path folder;
    static SupervisedPostgres watched;
    static SupervisedPostgres supervised;

    @BeforeAll
    static void start() {
        watched = SupervisedPostgres.start(folder.resolve("watched"),
                new EmbeddedDatabaseProperties(folder.resolve("watched"), 0, true, Duration.ZERO, Duration.ZERO));
        supervised = SupervisedPostgres.start(folder.resolve("supervised"),
                new EmbeddedDatabaseProperties(folder.resolve("supervised"), 0, true, Duration.ofMillis(200), Duration.ZERO));
    }

    @AfterAll
    static void stop() {
        watched.close();
        supervised.close();
    }

    private static JdbcClient jdbc(SupervisedPostgres server) {
        return JdbcClient.create(server.dataSource(EmbeddedCredentials.SUPERUSER));
    }

    private static void killPostmaster(SupervisedPostgres server) {
        ProcessHandle postmaster = ProcessHandle.of(SupervisedPostgres.postmasterPid(server.dataDirectory()).orElseThrow())
                .orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().join();
    }

    @Test
    void reportsDownAtOnceThenStartsTheServerAgainWithItsCommittedRows() throws Exception {
        String row = UUID.randomUUID().toString();
        jdbc(watched).sql("create table if not exists kept (value text)").update();
        jdbc(watched).sql("insert into kept values (?)").param(row).update();
        EmbeddedDatabaseHealth health = new EmbeddedDatabaseHealth(watched, watched.dataSource(EmbeddedCredentials.SUPERUSER));
        int port = watched.port();

        killPostmaster(watched);
        long asked = System.nanoTime();
        Status beforeTheNextCheck = health.health().getStatus();
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
        boolean gone = watched.observe();
        Status whileGone = health.health().getStatus();

        assertThat(beforeTheNextCheck).isEqualTo(Status.DOWN);
        assertThat(gone).isTrue();
        assertThat(watched.state()).isEqualTo(SupervisedPostgres.State.DOWN);
        assertThat(whileGone).isEqualTo(Status.DOWN);
        assertThat(answeredIn).isLessThan(Duration.ofMillis(200));

        watched.check();

        assertThat(watched.state()).isEqualTo(SupervisedPostgres.State.UP);
        assertThat(watched.restarts()).isEqualTo(1);
        assertThat(watched.port()).isEqualTo(port);
        assertThat(jdbc(watched).sql("select value from kept").query(String.class).list()).contains(row);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void supervisorStartsAKilledServerByItselfOnTheSamePort() {
        int port = supervised.port();
        int restarts = supervised.restarts();

        killPostmaster(supervised);

        await().atMost(Duration.ofSeconds(30)).until(() -> supervised.restarts() == restarts + 1
                && supervised.state() == SupervisedPostgres.State.UP);
        assertThat(supervised.port()).isEqualTo(port);
        assertThat(jdbc(supervised).sql("select 1").query(Integer.class).single()).isEqualTo(1);
    }
}
