package org.synovia.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.database.EmbeddedDatabaseLogins;

/**
 * V120 splits the audit trail's one hash chain into several (ADR 0088). The real migrations run into a database of
 * their own up to V117, where rows are linked into the one chain; after V120 those links are chain 0, unchanged, and
 * still verify, and new rows link into the new chains. V133 links a transaction's rows in one pass and V134 builds a
 * row's content without jsonb (ADR 0103): the links written before them are untouched and still verify. V140 writes
 * one link per transaction (ADR 0112): the links written one per row before it still verify beside the new ones.
 */
@SynoviaIntegrationTest
class AuditChainMigrationIntegrationTests {

    @Autowired ApplicationContext context;

    private static Flyway flyway(DataSource database, String target) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load();
    }

    private static void audit(JdbcClient jdbc, String details) {
        jdbc.sql("""
                insert into audit_event (occurred_at, username, roles, action, record_type, details)
                values (timestamptz '2026-12-01 09:00Z', 'nurse.example', 'NURSE', 'READ', 'Patient', ?)
                """).param(details).update();
    }

    private void drop(JdbcClient jdbc) {
        EmbeddedDatabaseLogins.execute(context, EmbeddedDatabaseLogins.SUPERUSER,
                "drop database " + jdbc.sql("select current_database()").query(String.class).single() + " with (force)");
    }

    @Test
    void keepsTheLinksOfTheOneChainAsChainZeroAndTheyStillVerify() {
        DataSource database = EmbeddedDatabaseLogins.newDatabase(context, "audit_chain_migration");
        JdbcClient jdbc = JdbcClient.create(database);
        flyway(database, "117").migrate();
        for (String details : List.of("first", "second", "third")) {
            audit(jdbc, details);
        }
        List<String> before = jdbc.sql("select link_number || ' ' || event_id || ' ' || encode(hash, 'hex') from audit_chain order by link_number")
                .query(String.class).list();
        assertThat(before).hasSize(3);

        flyway(database, "120").migrate();

        assertThat(jdbc.sql("select link_number || ' ' || event_id || ' ' || encode(hash, 'hex') from audit_chain where chain = 0 order by link_number")
                .query(String.class).list()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_chain_head").query(Integer.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from audit_chain_verify()").query(Integer.class).single()).isZero();

        audit(jdbc, "after the migration");
        assertThat(jdbc.sql("select count(*) from audit_chain").query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from audit_chain_verify()").query(Integer.class).single()).isZero();

        // A row from before, changed as the superuser around the triggers: found at its link of chain 0.
        jdbc.sql("set session_replication_role = replica; update audit_event set details = 'nothing' where details = 'second'")
                .update();
        assertThat(jdbc.sql("select chain || ' ' || link_number || ' ' || problem from audit_chain_verify()").query(String.class).list())
                .containsExactly("0 2 content altered");
        drop(jdbc);
    }

    /** V134's content is V82's, byte for byte, for whatever a row may hold. */
    @Test
    void buildsTheSameContentAsBeforeV134ForAnyRow() {
        DataSource database = EmbeddedDatabaseLogins.newDatabase(context, "audit_content");
        JdbcClient jdbc = JdbcClient.create(database);
        flyway(database, "134").migrate();
        jdbc.sql("""
                insert into audit_event (occurred_at, username, roles, action, record_type, record_id, patient_id, remote_address, details)
                values (timestamptz '2026-12-01 09:00:00.123456+01', 'o''brien', 'ADMIN,NURSE', 'READ', 'Patient', null, null, null, null),
                       (timestamptz '1969-07-20 20:17:40.5Z', 'nurse.\\back', 'NONE', 'UPDATE', 'Referral', '42',
                        'a8f5f167-f44f-4964-8c8e-6d4c1b2e9f10', '::1', 'quote " back \\ slash / tab' || chr(9) || 'nl' || chr(10)
                        || 'cr' || chr(13) || 'bell' || chr(7) || chr(1) || chr(31) || chr(127)),
                       (timestamptz '2027-03-28 01:30:00Z', 'zoë.łukasz', 'CLERK', 'EXPORT', 'Ärzte', 'Ω≈ç√', null,
                        '2001:db8::ff00:42:8329', 'Ελληνικά кириллица 日本語 😀 \\u0041 </script> ' || repeat('x', 900))
                """).update();
        assertThat(jdbc.sql("""
                select count(*) from audit_event e
                where audit_event_content(e) = convert_to(jsonb_build_array(e.id, (extract(epoch from e.occurred_at) * 1000000)::bigint,
                    e.username, e.roles, e.action, e.record_type, e.record_id, e.patient_id, e.remote_address, e.details)::text, 'UTF8')
                """).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_chain_verify()").query(Integer.class).single()).isZero();
        drop(jdbc);
    }

    @Test
    void keepsTheLinksWrittenRowByRowAndLinksAMultiRowInsertInOneRunAfterV134() {
        DataSource database = EmbeddedDatabaseLogins.newDatabase(context, "audit_chain_per_transaction");
        JdbcClient jdbc = JdbcClient.create(database);
        flyway(database, "130").migrate();
        for (String details : List.of("first", "second", "third")) {
            audit(jdbc, details);
        }
        String links = "select chain || ' ' || link_number || ' ' || event_id || ' ' || encode(previous_hash, 'hex') || ' ' "
                + "|| encode(hash, 'hex') from audit_chain order by chain, link_number";
        List<String> before = jdbc.sql(links).query(String.class).list();
        assertThat(before).hasSize(3);

        flyway(database, "134").migrate();

        assertThat(jdbc.sql(links).query(String.class).list()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_chain_verify()").query(Integer.class).single()).isZero();
        jdbc.sql("""
                insert into audit_event (occurred_at, username, roles, action, record_type, details)
                select timestamptz '2026-12-02 09:00Z', 'nurse.example', 'NURSE', 'READ', 'Patient', 'row ' || n
                from generate_series(1, 20) n order by n
                """).update();
        assertThat(jdbc.sql("""
                select count(*) from (select link_number - row_number() over (order by e.id) as run
                    from audit_event e join audit_chain c on c.event_id = e.id where e.details like 'row %') r
                group by run
                """).query(Long.class).list()).containsExactly(20L);
        assertThat(jdbc.sql("select count(*) from audit_chain_verify()").query(Integer.class).single()).isZero();
        drop(jdbc);
    }

    @Test
    void verifiesTheLinksWrittenOnePerRowBesideOneLinkPerTransactionAfterV140() {
        DataSource database = EmbeddedDatabaseLogins.newDatabase(context, "audit_chain_one_link");
        JdbcClient jdbc = JdbcClient.create(database);
        flyway(database, "139").migrate();
        audit(jdbc, "one row");
        insertRows(jdbc, "before", 20);
        String links = "select chain || ' ' || link_number || ' ' || event_id || ' ' || encode(previous_hash, 'hex') || ' ' "
                + "|| encode(hash, 'hex') from audit_chain order by chain, link_number";
        List<String> before = jdbc.sql(links).query(String.class).list();
        assertThat(before).hasSize(21);

        flyway(database, "140").migrate();

        assertThat(jdbc.sql(links).query(String.class).list()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_chain where event_ids is not null").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_chain_verify()").query(Integer.class).single()).isZero();
        insertRows(jdbc, "after", 20);
        assertThat(jdbc.sql("select cardinality(event_ids) from audit_chain where event_ids is not null").query(Integer.class).list())
                .containsExactly(20);
        assertThat(jdbc.sql("select count(*) from audit_chain_verify()").query(Integer.class).single()).isZero();

        // A row linked on its own before, and one linked with its transaction after: each found at its link.
        jdbc.sql("set session_replication_role = replica; update audit_event set details = 'nothing' where details in ('before 7', 'after 7')")
                .update();
        assertThat(jdbc.sql("""
                select problem || ' ' || coalesce(e.details, 'no single row') || ' ' || cardinality(v.event_ids)
                from audit_chain_verify() v left join audit_event e on e.id = v.event_id order by v.chain, v.link_number
                """).query(String.class).list()).containsExactlyInAnyOrder("content altered nothing 1", "content altered no single row 20");
        drop(jdbc);
    }

    private static void insertRows(JdbcClient jdbc, String details, int count) {
        jdbc.sql("""
                insert into audit_event (occurred_at, username, roles, action, record_type, details)
                select timestamptz '2026-12-02 09:00Z', 'nurse.example', 'NURSE', 'READ', 'Patient', ? || ' ' || n
                from generate_series(1, ?) n order by n
                """).params(details, count).update();
    }
}
