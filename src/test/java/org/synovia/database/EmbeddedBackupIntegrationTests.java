package org.synovia.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;

/**
 * A backup taken from the running embedded database, restored with the documented script into a new data
 * directory, starts as a server of its own that holds what was committed before the backup (and not what
 * came after), and that Flyway finds complete with out-of-order migrations off.
 */
@SynoviaIntegrationTest
class EmbeddedBackupIntegrationTests {

    @Autowired EmbeddedPostgresServer.Lease postgres;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @TempDir Path folder;

    @Test
    void restoresABackupThatStartsWithTheDataCommittedBeforeIt() throws Exception {
        // The owner's login: the application's role may not create tables.
        JdbcClient owner = JdbcClient.create(postgres.server().dataSource(EmbeddedCredentials.OWNER));
        owner.sql("create schema if not exists backup_check").update();
        owner.sql("create table if not exists backup_check.marker (value text primary key)").update();
        String before = "before-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        owner.sql("insert into backup_check.marker values (?)").param(before).update();
        EmbeddedBackups backups = new EmbeddedBackups(postgres.server(), new BackupProperties(true, folder.resolve("backups"),
                "0 30 1 * * *", 2), clock);

        Path backup = backups.take();
        owner.sql("insert into backup_check.marker values (?)").param(after).update();
        Path restored = folder.resolve("restored");
        Process restore = new ProcessBuilder("bash", "ops/restore-embedded-backup.sh", backup.toString(), restored.toString())
                .redirectErrorStream(true).start();
        assertThat(restore.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(restore.exitValue()).as(new String(restore.getInputStream().readAllBytes())).isZero();

        try (SupervisedPostgres copy = SupervisedPostgres.start(restored,
                new EmbeddedDatabaseProperties(restored, 0, false, Duration.ZERO, Duration.ZERO))) {
            // The copy carries its passwords file, so its roles open with the passwords they have.
            assertThat(copy.credentials()).isEqualTo(postgres.server().credentials());
            DataSource dataSource = copy.dataSource(EmbeddedCredentials.OWNER);
            List<String> markers = JdbcClient.create(dataSource).sql("select value from backup_check.marker")
                    .query(String.class).list();
            assertThat(markers).contains(before).doesNotContain(after);

            Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(false).load();
            flyway.validate();
            assertThat(flyway.migrate().migrationsExecuted).isZero();
            assertThat(JdbcClient.create(dataSource).sql("select count(*) from patient").query(Integer.class).single())
                    .isEqualTo(jdbc.sql("select count(*) from patient").query(Integer.class).single());
        }
    }

    @Test
    void keepsOnlyTheNewestBackups() throws Exception {
        EmbeddedBackups backups = new EmbeddedBackups(postgres.server(), new BackupProperties(true, folder, "0 30 1 * * *", 2),
                clock);

        Path first = backups.take();
        Path second = backups.take();
        Path third = backups.take();

        assertThat(EmbeddedBackups.backups(folder)).containsExactly(third, second);
        assertThat(first).doesNotExist();
        assertThat(Files.list(folder).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".partial"));
    }
}
