package org.synovia.database;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;

/**
 * The "db" health of the embedded server: DOWN at once while the supervisor sees it gone or not yet answering,
 * instead of after the pool's connection timeout; otherwise Boot's own validation query through the pool.
 */
class EmbeddedDatabaseHealth implements HealthIndicator {

    private final SupervisedPostgres server;
    private final DataSourceHealthIndicator query;

    EmbeddedDatabaseHealth(SupervisedPostgres server, DataSource dataSource) throws Exception {
        this.server = server;
        this.query = new DataSourceHealthIndicator(dataSource);
        query.afterPropertiesSet();
    }

    @Override
    public Health health() {
        if (!server.running()) {
            return Health.down().withDetail("database", "the embedded PostgreSQL is not running; it is being started again")
                    .withDetail("restarts", server.restarts()).build();
        }
        Health answer = query.health();
        return Health.status(answer.getStatus()).withDetails(answer.getDetails()).withDetail("restarts", server.restarts())
                .build();
    }
}
