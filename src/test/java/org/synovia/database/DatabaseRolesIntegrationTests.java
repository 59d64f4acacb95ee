package org.synovia.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;

/**
 * The security tester's findings (HAZ-93, HAZ-94), tried again against the running embedded server: without a
 * password nobody gets in, and the application's own login cannot switch triggers off, empty or rewrite the audit
 * trail, or change the schema.
 */
@SynoviaIntegrationTest
class DatabaseRolesIntegrationTests {

    @Autowired EmbeddedPostgresServer.Lease postgres;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeLoginProperties loginProperties;

    @ParameterizedTest
    @ValueSource(strings = {EmbeddedCredentials.SUPERUSER, EmbeddedCredentials.OWNER, EmbeddedCredentials.APPLICATION})
    void refusesEveryRoleWithoutItsPassword(String role) {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.server().jdbcUrl(), role, null).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.server().jdbcUrl(), role, "not-the-password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void listensOnLoopbackOnlyAndAsksForScramPasswords() throws Exception {
        JdbcClient superuser = JdbcClient.create(postgres.server().dataSource(EmbeddedCredentials.SUPERUSER));

        assertThat(superuser.sql("show listen_addresses").query(String.class).single()).isEqualTo("localhost");
        assertThat(superuser.sql("show password_encryption").query(String.class).single()).isEqualTo("scram-sha-256");
        assertThat(superuser.sql("select distinct auth_method from pg_hba_file_rules").query(String.class).list())
                .containsExactly("scram-sha-256");
        assertThat(superuser.sql("select count(*) from pg_authid where rolpassword not like 'SCRAM-SHA-256$%' and rolcanlogin")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void keepsThePasswordsInAnOwnerOnlyFileInTheDataDirectory() throws Exception {
        var file = EmbeddedCredentials.file(postgres.server().dataDirectory());

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(EmbeddedCredentials.readFrom(postgres.server().dataDirectory())).isEqualTo(postgres.server().credentials());
    }

    @Test
    void givesTheApplicationALoginThatIsNeitherSuperuserNorOwner() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(EmbeddedCredentials.APPLICATION);
        assertThat(jdbc.sql("select rolsuper or rolbypassrls or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(new RuntimeLoginCheck(postgres.server().dataSource(EmbeddedCredentials.APPLICATION), loginProperties).problems())
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> ?")
                .param(EmbeddedCredentials.OWNER).query(Integer.class).single()).isZero();
    }

    @Test
    void refusesTheApplicationRoleTheWaysAroundTheAuditTrail() {
        assertRefused("set session_replication_role = replica", "permission denied to set parameter");
        assertRefused("truncate audit_event", "permission denied for table audit_event");
        assertRefused("update audit_event set details = 'rewritten'", "permission denied for table audit_event");
        assertRefused("delete from audit_event", "permission denied for table audit_event");
        assertRefused("alter table audit_event disable trigger audit_event_append_only", "must be owner of table audit_event");
        assertRefused("insert into audit_chain (link_number, event_id, previous_hash, hash) values (0, 0, '', '')",
                "permission denied for table audit_chain");
        assertRefused("create table intruder (id int)", "permission denied for schema public");
        assertRefused("drop table patient", "must be owner of table patient");
        assertRefused("create database intruder", "permission denied to create database");
        assertRefused("create role intruder", "permission denied to create role");
    }

    @Test
    void refusesToChangeFinalRecordsByGrantBeforeTheirTriggers() {
        for (String table : new String[] {"safety_override", "procedure_report", "procedure_addendum", "procedure_pain_score",
                "procedure_observation", "day_safety_check", "day_safety_finding", "day_safety_decision", "day_safety_drug"}) {
            assertRefused("update " + table + " set " + firstColumn(table) + " = " + firstColumn(table),
                    "permission denied for table " + table);
            assertRefused("delete from " + table, "permission denied for table " + table);
        }
        assertRefused("update diary_entry set pain_now = pain_now", "permission denied for table diary_entry");
    }

    /** A table a later migration makes final (a trigger named "…_is_final" or "…_append_only") must lose the right too. */
    @Test
    void leavesNoTableWithAFinalityTriggerUpdatableByTheApplication() {
        List<String> updatable = jdbc.sql("""
                select distinct c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
                where not t.tgisinternal
                  and (t.tgname like '%\\_is\\_final' or t.tgname like '%\\_append\\_only')
                  and t.tgname not like '%\\_signed\\_is\\_final'
                  and has_table_privilege('synovia_app', c.oid, 'UPDATE')
                order by 1""").query(String.class).list();
        assertThat(updatable).as("final tables the application may still update: revoke in the table's migration")
                .isEmpty();
    }

    @Test
    void givesTablesOfLaterMigrationsTheApplicationsRightsByDefault() {
        JdbcClient owner = JdbcClient.create(postgres.server().dataSource(EmbeddedCredentials.OWNER));
        String table = "later_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        owner.sql("create table " + table + " (id int primary key)").update();
        try {
            jdbc.sql("insert into " + table + " values (1)").update();
            jdbc.sql("update " + table + " set id = 2").update();
            assertThat(jdbc.sql("delete from " + table).update()).isEqualTo(1);
            assertRefused("truncate " + table, "permission denied for table " + table);
        } finally {
            owner.sql("drop table " + table).update();
        }
    }

    @Test
    void refusesToStartWithASuperuserLoginUnlessAllowed() {
        var superuser = postgres.server().dataSource(EmbeddedCredentials.SUPERUSER);

        assertThatThrownBy(() -> new RuntimeLoginCheck(superuser, new RuntimeLoginProperties(false)).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'postgres' is a superuser")
                .hasMessageContaining("docs/configuration.md");
        assertThat(new RuntimeLoginCheck(postgres.server().dataSource(EmbeddedCredentials.OWNER), new RuntimeLoginProperties(false))
                .problems()).anyMatch(p -> p.contains("owns")).anyMatch(p -> p.contains("may create objects"));
        new RuntimeLoginCheck(superuser, new RuntimeLoginProperties(true)).afterPropertiesSet();
    }

    private String firstColumn(String table) {
        return jdbc.sql("select column_name from information_schema.columns where table_name = ? order by ordinal_position limit 1")
                .param(table).query(String.class).single();
    }

    private void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining(message);
    }
}
