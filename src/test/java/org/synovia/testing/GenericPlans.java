package org.synovia.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.synovia.database.EmbeddedDatabaseLogins;

/**
 * The plan PostgreSQL makes for a statement the application ran, for any parameter values (the plan a server-prepared
 * statement settles on), with sequential scans priced out because test tables are small. A connection of the
 * application's login in the simple query protocol, so that EXPLAIN sees the {@code $n} parameters itself.
 */
public final class GenericPlans {

    private GenericPlans() {
    }

    /** EXPLAIN (GENERIC_PLAN) of a statement as JDBC ran it, its {@code ?} placeholders numbered. */
    public static String of(ApplicationContext context, String jdbcSql) throws Exception {
        var source = (DriverManagerDataSource) EmbeddedDatabaseLogins.as(context, EmbeddedDatabaseLogins.APPLICATION);
        Properties properties = new Properties();
        properties.setProperty("preferQueryMode", "simple");
        source.setConnectionProperties(properties);
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : jdbcSql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        StringBuilder plan = new StringBuilder();
        try (Connection connection = source.getConnection(); Statement explain = connection.createStatement()) {
            explain.execute("set enable_seqscan = off");
            try (ResultSet rows = explain.executeQuery("explain (generic_plan) " + numbered)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }
}
