package org.synovia.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;

/**
 * The embedded server's other logins, for tests that must act around the application's role: build a schema of
 * their own, or tamper with the audit trail as an intruder with the owner's or the superuser's password would.
 */
public final class EmbeddedDatabaseLogins {

    public static final String SUPERUSER = EmbeddedCredentials.SUPERUSER;
    public static final String OWNER = EmbeddedCredentials.OWNER;
    public static final String APPLICATION = EmbeddedCredentials.APPLICATION;

    private EmbeddedDatabaseLogins() {
    }

    public static DataSource as(ApplicationContext context, String role) {
        return server(context).dataSource(role);
    }

    /** Runs the statements one after another on one connection (so that a {@code set} holds for those after it). */
    public static void execute(ApplicationContext context, String role, String... statements) {
        try (Connection connection = server(context).connect(role); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A new, empty database on the same server, as the superuser: for migrations run from the start. */
    public static DataSource newDatabase(ApplicationContext context, String prefix) {
        String name = prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(context, SUPERUSER, "create database " + name);
        return new org.springframework.jdbc.datasource.DriverManagerDataSource(server(context).jdbcUrl().replace("/postgres", "/" + name),
                SUPERUSER, server(context).credentials().superuser());
    }

    public static String jdbcUrl(ApplicationContext context) {
        return server(context).jdbcUrl();
    }

    private static SupervisedPostgres server(ApplicationContext context) {
        return context.getBean(EmbeddedPostgresServer.Lease.class).server();
    }
}
