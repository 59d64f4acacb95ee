package org.synovia.database;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts the embedded PostgreSQL when no external database is configured. With
 * {@code spring.datasource.url} set, Spring Boot's own data source is used instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    /** Closed after the data source that depends on it, when the context closes. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer.Lease embeddedPostgres(EmbeddedDatabaseProperties properties) {
        return EmbeddedPostgresServer.lease(properties);
    }

    /** The pool takes {@code spring.datasource.hikari.*} like the external one (the short connection timeout). */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgresServer.Lease postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        // The port stays the same across restarts, so the pool reconnects to a restarted server by itself.
        dataSource.setJdbcUrl(postgres.server().jdbcUrl());
        // The application role: data only, no DDL, the audit trail append-only (ADR 0048).
        dataSource.setUsername(EmbeddedCredentials.APPLICATION);
        dataSource.setPassword(postgres.server().credentials().application());
        dataSource.setPoolName("synovia-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    /** The migrations run as the schema's owner, never as the pool's login. */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(EmbeddedPostgresServer.Lease postgres) {
        return configuration -> configuration.dataSource(postgres.server().jdbcUrl(), EmbeddedCredentials.OWNER,
                postgres.server().credentials().owner());
    }

    @Bean
    EmbeddedBackups embeddedBackups(EmbeddedPostgresServer.Lease postgres, BackupProperties properties, Clock clock) {
        return new EmbeddedBackups(postgres.server(), properties, clock);
    }

    @Bean
    DatabaseAvailability databaseAvailability(EmbeddedPostgresServer.Lease postgres, EmbeddedDatabaseProperties properties) {
        return new RememberedAvailability(() -> postgres.server().running(), properties.availabilityMaxAge(), System::nanoTime);
    }

    /** Replaces Boot's "db" health check (same name), so that it answers DOWN at once while the server is away. */
    @Bean
    HealthIndicator dbHealthIndicator(EmbeddedPostgresServer.Lease postgres, DataSource dataSource) throws Exception {
        return new EmbeddedDatabaseHealth(postgres.server(), dataSource);
    }
}
