package org.synovia.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the pool's login could undo what the database guards: a superuser (or a role that
 * bypasses row security) can switch triggers off with {@code session_replication_role} and rewrite the audit
 * trail; a login that owns the tables or may create in the schema can drop or alter them (ADR 0048). For an
 * external database this is the only guard, since its roles are the operator's (docs/configuration.md).
 */
@Component
class RuntimeLoginCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RuntimeLoginCheck.class);

    private final JdbcClient jdbc;
    private final RuntimeLoginProperties properties;

    RuntimeLoginCheck(DataSource dataSource, RuntimeLoginProperties properties) {
        this.jdbc = JdbcClient.create(dataSource);
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems();
        if (problems.isEmpty()) {
            return;
        }
        String message = "The application's database login " + String.join("; ", problems) + ". Give it a role of its own "
                + "with only the grants in docs/configuration.md (\"Database roles\"), or set "
                + "synovia.database.allow-superuser=true on a database that holds no real data.";
        if (properties.allowSuperuser()) {
            log.warn("UNSAFE DATABASE LOGIN ALLOWED by synovia.database.allow-superuser: {}", message);
            return;
        }
        throw new IllegalStateException(message);
    }

    /** What is wrong with the current login, in words; empty when nothing is. */
    List<String> problems() {
        Map<String, Object> login = jdbc.sql("""
                select current_user as name, r.rolsuper as superuser, r.rolbypassrls as bypasses_row_security,
                       has_schema_privilege(current_schema(), 'CREATE') as creates,
                       (select count(*) from pg_class c where c.relnamespace = current_schema()::regnamespace
                            and c.relkind in ('r', 'p') and pg_has_role(c.relowner, 'USAGE')) as owned_tables
                from pg_roles r where r.rolname = current_user
                """).query().singleRow();
        String name = "'" + login.get("name") + "'";
        List<String> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(login.get("superuser"))) {
            problems.add(name + " is a superuser");
        }
        if (Boolean.TRUE.equals(login.get("bypasses_row_security"))) {
            problems.add(name + " bypasses row-level security");
        }
        if (Boolean.TRUE.equals(login.get("creates"))) {
            problems.add(name + " may create objects in the schema");
        }
        if (((Number) login.get("owned_tables")).longValue() > 0) {
            problems.add(name + " owns " + login.get("owned_tables") + " of its tables");
        }
        return problems;
    }
}
