package org.synovia.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A data directory made before passwords were required (trust for everyone, the application as superuser) is
 * closed at its next start: passwords set and kept, its tables handed to the owner, trust gone. A fresh one asks
 * for passwords from its first start, and keeps them across a restart.
 */
class EmbeddedAccessIntegrationTests {

    @TempDir Path folder;

    private static EmbeddedDatabaseProperties properties(Path dataDirectory) {
        return new EmbeddedDatabaseProperties(dataDirectory, 0, false, Duration.ZERO, Duration.ZERO);
    }

    @Test
    void closesATrustingDataDirectoryAndHandsItsTablesToTheOwner() throws Exception {
        Path data = folder.resolve("old");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start()) {
            JdbcClient asBefore = JdbcClient.create(old.getPostgresDatabase());
            asBefore.sql("create table patient_before (name text)").update();
            asBefore.sql("insert into patient_before values ('Example, Ann')").update();
            asBefore.sql("create function before_now() returns int language sql as 'select 1'").update();
        }
        assertThat(EmbeddedAccess.trusting(data)).isTrue();

        try (SupervisedPostgres server = SupervisedPostgres.start(data, properties(data))) {
            assertThat(EmbeddedAccess.trusting(data)).isFalse();
            assertThat(Files.getPosixFilePermissions(EmbeddedCredentials.file(data)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", null).close())
                    .isInstanceOf(SQLException.class);
            JdbcClient owner = JdbcClient.create(server.dataSource(EmbeddedCredentials.OWNER));
            assertThat(owner.sql("select tableowner from pg_tables where tablename = 'patient_before'").query(String.class).single())
                    .isEqualTo(EmbeddedCredentials.OWNER);
            assertThat(owner.sql("select proowner::regrole::text from pg_proc where proname = 'before_now'")
                    .query(String.class).single()).isEqualTo(EmbeddedCredentials.OWNER);
            assertThat(owner.sql("select name from patient_before").query(String.class).single()).isEqualTo("Example, Ann");
        }
    }

    @Test
    void asksForPasswordsFromTheFirstStartAndKeepsThemAcrossARestart() throws Exception {
        Path data = folder.resolve("new");
        EmbeddedCredentials first;
        try (SupervisedPostgres server = SupervisedPostgres.start(data, properties(data))) {
            first = server.credentials();
            assertThat(EmbeddedAccess.trusting(data)).isFalse();
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", null).close())
                    .isInstanceOf(SQLException.class);
        }
        try (SupervisedPostgres again = SupervisedPostgres.start(data, properties(data))) {
            assertThat(again.credentials()).isEqualTo(first);
            assertThat(JdbcClient.create(again.dataSource(EmbeddedCredentials.APPLICATION)).sql("select current_user")
                    .query(String.class).single()).isEqualTo(EmbeddedCredentials.APPLICATION);
        }
    }

    @Test
    void refusesADataDirectoryThatAsksForPasswordsWithoutItsPasswordsFile() throws Exception {
        Path data = folder.resolve("lost");
        try (SupervisedPostgres server = SupervisedPostgres.start(data, properties(data))) {
            assertThat(server.credentials()).isNotNull();
        }
        Files.delete(EmbeddedCredentials.file(data));

        assertThatThrownBy(() -> SupervisedPostgres.start(data, properties(data))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(EmbeddedCredentials.FILE_NAME + " is missing");
    }
}
