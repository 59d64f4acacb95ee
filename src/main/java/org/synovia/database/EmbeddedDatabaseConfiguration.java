package org.synovia.database;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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

    @Bean
    DataSource dataSource(EmbeddedPostgresServer.Lease postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.postgres().getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("synovia-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
