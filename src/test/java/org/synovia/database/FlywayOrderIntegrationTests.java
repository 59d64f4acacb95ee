package org.synovia.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.synovia.SynoviaIntegrationTest;

/**
 * With out-of-order migrations off (production): a database that once took V25, V28 and V29 after V30 still
 * validates and starts, while a database missing a migration numbered below its newest is refused.
 */
@SynoviaIntegrationTest
class FlywayOrderIntegrationTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Set<String> BUILT_SIDE_BY_SIDE = Set.of("V25", "V28", "V29");

    @Autowired EmbeddedPostgresServer.Lease postgres;
    @Autowired JdbcClient jdbc;

    @TempDir Path withoutLateOnes;

    private DataSource newDatabase() {
        String name = "flyway_order_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // Creating databases is the superuser's; the application's role may not.
        JdbcClient.create(postgres.server().dataSource(EmbeddedCredentials.SUPERUSER)).sql("create database " + name).update();
        return new DriverManagerDataSource(postgres.server().jdbcUrl().replace("/postgres", "/" + name),
                EmbeddedCredentials.SUPERUSER, postgres.server().credentials().superuser());
    }

    private void copyAllButTheLateOnes() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                if (!BUILT_SIDE_BY_SIDE.contains(file.getFileName().toString().split("__")[0])) {
                    Files.copy(file, withoutLateOnes.resolve(file.getFileName()));
                }
            }
        }
    }

    private static Flyway flyway(DataSource dataSource, String location, boolean outOfOrder) {
        return Flyway.configure().dataSource(dataSource).locations(location).outOfOrder(outOfOrder).load();
    }

    @Test
    void validatesADatabaseThatTookTheLateMigrationsOutOfOrder() throws IOException {
        copyAllButTheLateOnes();
        DataSource database = newDatabase();
        flyway(database, "filesystem:" + withoutLateOnes, false).migrate();
        assertThat(flyway(database, "classpath:db/migration", true).migrate().migrationsExecuted).isEqualTo(3);

        Flyway production = flyway(database, "classpath:db/migration", false);

        assertThat(production.validateWithResult().validationSuccessful).isTrue();
        assertThat(production.migrate().migrationsExecuted).isZero();
    }

    @Test
    void refusesAMigrationNumberedBelowTheNewestApplied() throws IOException {
        copyAllButTheLateOnes();
        DataSource database = newDatabase();
        flyway(database, "filesystem:" + withoutLateOnes, false).migrate();

        assertThatThrownBy(() -> flyway(database, "classpath:db/migration", false).migrate())
                .isInstanceOf(FlywayException.class).hasMessageContaining("25");
    }
}
