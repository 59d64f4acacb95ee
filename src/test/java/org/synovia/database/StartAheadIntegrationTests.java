package org.synovia.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded server started ahead of its context (ADR 0108) is the one the context leases, and one whose context
 * failed before leasing it is stopped rather than left running.
 */
class StartAheadIntegrationTests {

    @TempDir Path folder;

    private EmbeddedDatabaseProperties scratch(String name) {
        return new EmbeddedDatabaseProperties(folder.resolve(name), 0, true, Duration.ZERO, Duration.ZERO);
    }

    @Test
    void leasesTheServerStartedAhead() {
        EmbeddedDatabaseProperties properties = scratch("leased");
        EmbeddedPostgresServer.startAhead(properties);
        // A second call while the first start is under way starts nothing more.
        EmbeddedPostgresServer.startAhead(properties);
        // Up before anything leases it.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> SupervisedPostgres.postmasterPid(properties.dataDirectory()).isPresent());

        try (EmbeddedPostgresServer.Lease lease = EmbeddedPostgresServer.lease(properties)) {
            assertThat(lease.server().running()).isTrue();
            assertThat(JdbcClient.create(lease.server().dataSource(EmbeddedCredentials.APPLICATION))
                    .sql("select current_user").query(String.class).single()).isEqualTo(EmbeddedCredentials.APPLICATION);
            try (EmbeddedPostgresServer.Lease second = EmbeddedPostgresServer.lease(properties)) {
                assertThat(second.server()).isSameAs(lease.server());
            }
        }
        assertThat(SupervisedPostgres.postmasterPid(properties.dataDirectory())).isEmpty();
    }

    @Test
    void stopsAServerStartedAheadForAContextThatFailed() {
        EmbeddedDatabaseProperties properties = scratch("abandoned");
        EmbeddedPostgresServer.startAhead(properties);

        EmbeddedPostgresServer.abandonAhead(properties);

        assertThat(properties.dataDirectory().resolve("postgresql.conf")).as("the server was started").exists();
        assertThat(SupervisedPostgres.postmasterPid(properties.dataDirectory())).as("and stopped").isEmpty();
        // Nothing is left to lease: a later context starts its own server.
        try (EmbeddedPostgresServer.Lease lease = EmbeddedPostgresServer.lease(properties)) {
            assertThat(lease.server().running()).isTrue();
        }
    }
}
