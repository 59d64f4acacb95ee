package org.synovia.shared;

import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs one statement under a plan PostgreSQL makes once per connection instead of on every call.
 *
 * <p>A list page's statement is prepared on the server, but PostgreSQL keeps planning it anew for each call when it
 * judges a plan made for any values dearer than one made for the values given: a page query that joins seven tables
 * was planned on every view (0.4–0.8 ms of 4–5 ms at 100,000 procedures). Only for statements whose plan does not
 * depend on their values: the page is picked through an index on its order and the filters that decide which
 * partial index serves are written into the SQL, never passed as parameters. The setting is put back at once: a
 * statement after it in the same transaction, planned for any values, could lose the index its values choose
 * (ADR 0120).
 */
public final class GenericPlans {

    private GenericPlans() {
    }

    /** The statement's result, read under a generic plan; inside a transaction (outside one it changes nothing). */
    public static <T> T read(JdbcClient jdbc, Supplier<T> statement) {
        jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
        try {
            return statement.get();
        }
        finally {
            jdbc.sql("set local plan_cache_mode = default").update();
        }
    }
}
