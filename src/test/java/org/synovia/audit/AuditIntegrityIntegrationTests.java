package org.synovia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.database.EmbeddedDatabaseLogins;

/**
 * HAZ-93: the audit trail altered around the application's role, as someone with the owner's or the superuser's
 * password would, is found by the hash chains at the link of the row concerned (one link per transaction, ADR 0112),
 * in its own chain; commits link into several chains side by side (ADR 0088). Each test puts the trail back as it was,
 * since every other test shares this database and its chain.
 */
@SynoviaIntegrationTest
class AuditIntegrityIntegrationTests {

    @Autowired AuditTrail audit;
    @Autowired AuditIntegrity integrity;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;

    private long recordOne(String details) {
        UUID patient = UUID.randomUUID();
        transactions.executeWithoutResult(status -> audit.record(AuditAction.READ, "Patient", patient, patient, details));
        return jdbc.sql("select id from audit_event where patient_id = ?").param(patient).query(Long.class).single();
    }

    private void asSuperuserAroundTriggers(String sql) {
        EmbeddedDatabaseLogins.execute(context, EmbeddedDatabaseLogins.SUPERUSER, "set session_replication_role = replica", sql);
    }

    @Test
    void linksEveryCommittedRowIncludingThoseOfOneMultiRowInsert() {
        recordOne("one row");
        UUID patient = UUID.randomUUID();
        // The application's own multi-row insert, at the application clock's instant.
        transactions.executeWithoutResult(status -> audit.recordAll(java.util.List.of(
                new AuditEntry(AuditAction.READ, "WorklistStep", "a", patient, null),
                new AuditEntry(AuditAction.READ, "WorklistStep", "b", patient, null))));

        // One link for the transaction, naming both rows (ADR 0112).
        assertThat(jdbc.sql("select count(*) from audit_chain c join audit_event e on e.id = any(audit_chain_rows(c)) "
                + "where e.patient_id = ? group by c.chain, c.link_number").param(patient).query(Integer.class).list()).containsExactly(2);
        AuditIntegrityReport report = integrity.check();
        assertThat(report.problems()).isEmpty();
        assertThat(report.links()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void findsExactlyTheRowChangedByTheSuperuser() {
        long changed = recordOne("read the record");
        recordOne("a later row");
        asSuperuserAroundTriggers("update audit_event set details = 'nothing to see' where id = " + changed);
        try {
            AuditIntegrityReport report = integrity.check();

            assertThat(report.intact()).isFalse();
            assertThat(report.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.eventId()).isEqualTo(changed);
                assertThat(problem.problem()).isEqualTo("content altered");
            });
        } finally {
            asSuperuserAroundTriggers("update audit_event set details = 'read the record' where id = " + changed);
        }
        assertThat(integrity.check().problems()).isEmpty();
    }

    @Test
    void findsABackDatedRowSlippedInBetweenOthers() {
        long before = recordOne("before");
        long slipped = jdbc.sql("select nextval(pg_get_serial_sequence('audit_event', 'id'))").query(Long.class).single();
        recordOne("after");
        // Between the two rows by id and by time, written with triggers off as only a superuser can.
        asSuperuserAroundTriggers("insert into audit_event (id, occurred_at, username, roles, action, record_type) overriding system value "
                + "values (" + slipped + ", (select occurred_at from audit_event where id = " + before + ") - interval '1 day', "
                + "'nobody', 'ADMIN', 'READ', 'Patient')");
        try {
            assertThat(integrity.check().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.eventId()).isEqualTo(slipped);
                assertThat(problem.problem()).isEqualTo("row not chained");
            });
        } finally {
            asSuperuserAroundTriggers("delete from audit_event where id = " + slipped);
        }
    }

    @Test
    void findsARowDeletedByTheOwnerAroundTheTrigger() {
        long deleted = recordOne("to be deleted");
        String copy = "insert into audit_event select * from audit_event_deleted";
        EmbeddedDatabaseLogins.execute(context, EmbeddedDatabaseLogins.SUPERUSER,
                "create table audit_event_deleted as select * from audit_event where id = " + deleted,
                "set session_replication_role = replica", "delete from audit_event where id = " + deleted);
        try {
            assertThat(integrity.check().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.eventId()).isEqualTo(deleted);
                assertThat(problem.problem()).isEqualTo("row missing");
            });
        } finally {
            EmbeddedDatabaseLogins.execute(context, EmbeddedDatabaseLogins.SUPERUSER, "set session_replication_role = replica",
                    "insert into audit_event overriding system value select * from audit_event_deleted",
                    "drop table audit_event_deleted");
        }
        assertThat(integrity.check().problems()).isEmpty();
    }

    /** The hourly job, not only the method it calls: the checkpoints and their audit line commit together. */
    @Test
    void takesTheHourlyCheckpointWithItsAuditLine() {
        long lines = jdbc.sql("select count(*) from audit_event where action = 'CREATE' and record_type = 'AuditCheckpoint'")
                .query(Long.class).single();
        long checkpoints = jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single();

        integrity.scheduledCheckpoint();

        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CREATE' and record_type = 'AuditCheckpoint'")
                .query(Long.class).single()).isEqualTo(lines + 1);
        assertThat(jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single())
                .isEqualTo(checkpoints + jdbc.sql("select count(*) from audit_chain_head").query(Long.class).single());
    }

    @Test
    void signsCheckpointsThatShowAForgedOne() {
        List<AuditIntegrity.Checkpoint> checkpoints = integrity.takeCheckpoint();
        assertThat(checkpoints).extracting(AuditIntegrity.Checkpoint::chain)
                .containsExactlyElementsOf(jdbc.sql("select chain from audit_chain_head order by chain").query(Integer.class).list());
        AuditIntegrity.Checkpoint checkpoint = checkpoints.getLast();
        assertThat(checkpoint.chain()).isPositive();
        assertThat(integrity.exportCheckpoints()).contains(checkpoint.id() + " " + checkpoint.takenAt() + " " + checkpoint.chain()
                + " " + checkpoint.position() + " " + checkpoint.hash() + " " + checkpoint.signature());
        assertThat(integrity.check().problems()).isEmpty();

        asSuperuserAroundTriggers("update audit_checkpoint set taken_at = taken_at - interval '1 hour' where id = " + checkpoint.id());
        try {
            assertThat(integrity.check().problems()).singleElement().extracting(AuditIntegrityReport.Problem::problem)
                    .isEqualTo("checkpoint " + checkpoint.id() + " signature does not match");
        } finally {
            asSuperuserAroundTriggers("update audit_checkpoint set taken_at = taken_at + interval '1 hour' where id = " + checkpoint.id());
        }
    }

    @Test
    void showsTheCheckToAdministratorsOnlyAndAuditsIt() throws Exception {
        mvc.perform(get("/admin/audit/integrity").with(user("auditor").roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Intact:")));
        mvc.perform(post("/admin/audit/integrity/checkpoint").with(user("auditor").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/audit/integrity/checkpoints.txt").with(user("auditor").roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.startsWith("# Synovia audit chain checkpoints")));
        mvc.perform(get("/admin/audit/integrity").with(user("nurse.curious").roles("NURSE"))).andExpect(status().isForbidden());

        assertThat(jdbc.sql("select action || ' ' || record_type from audit_event where username = 'auditor' order by id")
                .query(String.class).list()).containsSubsequence("READ AuditIntegrity", "CREATE AuditCheckpoint",
                        "EXPORT AuditCheckpoint");
    }

    @Test
    void describesTheResultForTheCommandLineWithTheFirstBrokenLinkOfEachChain() {
        AuditIntegrityReport altered = new AuditIntegrityReport(java.time.Instant.parse("2026-12-06T09:00:00Z"), 8, 12, 1,
                List.of(new AuditIntegrityReport.Problem(2, 7L, 41L, "content altered"),
                        new AuditIntegrityReport.Problem(2, 9L, 57L, "content altered"),
                        new AuditIntegrityReport.Problem(5, 3L, 44L, "row missing"),
                        new AuditIntegrityReport.Problem(null, null, 60L, "row not chained")));

        assertThat(altered.firstProblemPerChain()).extracting(AuditIntegrityReport.Problem::eventId).containsExactly(41L, 44L, 60L);
        assertThat(VerifyAuditCommand.describe(altered)).startsWith("Audit trail ALTERED: 12 links in 8 chains, 1 signed checkpoints")
                .contains("First broken link of each chain:\n  content altered at link 7 of chain 2, audit row 41\n"
                        + "  row missing at link 3 of chain 5, audit row 44\n  row not chained, audit row 60\n")
                .doesNotContain(VerifyAuditCommand.SEVERAL_ROWS);
    }

    /** A change in a link of several rows is told at the link, with the rows it covers and how to find the one changed. */
    @Test
    void describesAChangeInALinkOfSeveralRowsWithTheRowsItCovers() {
        AuditIntegrityReport altered = new AuditIntegrityReport(java.time.Instant.parse("2026-12-06T09:00:00Z"), 8, 12, 0,
                List.of(new AuditIntegrityReport.Problem(3, 9L, null, "content altered", List.of(70L, 71L, 72L, 75L, 77L, 78L))));

        assertThat(altered.inALinkOfSeveralRows()).isTrue();
        assertThat(VerifyAuditCommand.describe(altered))
                .contains("  content altered at link 9 of chain 3 (the link covers the 6 rows of one transaction: 70–72, 75, 77–78)\n")
                .contains(VerifyAuditCommand.SEVERAL_ROWS);
    }

    @Test
    void findsARowChangedByTheOwnerAroundTheAppendOnlyTriggerInItsOwnChain() {
        long changed = recordOne("seen by the owner");
        int chain = chainOf(changed);
        ownerAroundAppendOnly("update audit_event set details = 'nothing to see' where id = " + changed);
        try {
            assertThat(integrity.check().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.chain()).isEqualTo(chain);
                assertThat(problem.eventId()).isEqualTo(changed);
                assertThat(problem.problem()).isEqualTo("content altered");
            });
        } finally {
            ownerAroundAppendOnly("update audit_event set details = 'seen by the owner' where id = " + changed);
        }
        assertThat(integrity.check().problems()).isEmpty();
    }

    /**
     * With one chain head the second commit would wait for the first's lock (and fail at its lock timeout here): the
     * first transaction is held after linking its row, as a commit waiting for its WAL flush holds the head.
     */
    @Test
    void commitsSideBySideWithoutWaitingForEachOthersChain() throws Exception {
        DataSource application = EmbeddedDatabaseLogins.as(context, EmbeddedDatabaseLogins.APPLICATION);
        try (Connection first = application.getConnection(); Connection second = application.getConnection();
                ExecutorService other = Executors.newSingleThreadExecutor()) {
            first.setAutoCommit(false);
            // The insert links the row and keeps the chain's head locked until the transaction ends (V146).
            long held = insertRow(first, "held at its commit");
            Future<Long> committed = other.submit(() -> {
                second.setAutoCommit(false);
                try (Statement statement = second.createStatement()) {
                    statement.execute("set local lock_timeout = '5s'");
                }
                long id = insertRow(second, "committed meanwhile");
                second.commit();
                return id;
            });
            long meanwhile = committed.get(30, TimeUnit.SECONDS);
            first.commit();

            assertThat(chainOf(meanwhile)).isNotEqualTo(chainOf(held));
        }
        assertThat(integrity.check().problems()).isEmpty();
    }

    @Test
    void linksTheRowsOfEachChainInOrderAndOneTransactionsRowsTogether() {
        UUID patient = UUID.randomUUID();
        transactions.executeWithoutResult(status -> audit.recordAll(List.of(
                new AuditEntry(AuditAction.READ, "WorklistStep", "a", patient, null),
                new AuditEntry(AuditAction.READ, "WorklistStep", "b", patient, null),
                new AuditEntry(AuditAction.READ, "WorklistStep", "c", patient, null))));

        // The transaction's three rows in one link, in id order (ADR 0112).
        assertThat(jdbc.sql("""
                select c.event_ids from audit_chain c join audit_event e on e.id = c.event_id where e.patient_id = ?
                """).param(patient).query((rs, n) -> List.of((Long[]) rs.getArray(1).getArray())).single())
                .isEqualTo(jdbc.sql("select id from audit_event where patient_id = ? order by id").param(patient).query(Long.class).list());
        // In every chain: numbered 1, 2, 3 … and each link starting from the hash of the one before (or its genesis).
        assertThat(jdbc.sql("""
                select count(*) from (
                    select chain, link_number, previous_hash,
                           lag(link_number) over w as number_before, lag(hash) over w as hash_before
                    from audit_chain window w as (partition by chain order by link_number)) l
                where link_number <> coalesce(number_before, 0) + 1
                   or previous_hash <> coalesce(hash_before, audit_chain_genesis(chain))
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_chain_head h join audit_chain c on c.chain = h.chain "
                + "and c.link_number = h.link_number and c.hash = h.hash").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(*) from audit_chain_head where link_number > 0").query(Long.class).single());
    }

    private int chainOf(long eventId) {
        return jdbc.sql("select chain from audit_chain where event_id = ?").param(eventId).query(Integer.class).single();
    }

    private long insertRow(Connection connection, String details) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into audit_event (occurred_at, username, roles, action, record_type, details)
                values (?, 'chain.test', 'ADMIN', 'READ', 'AuditChainTest', ?) returning id
                """)) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, details);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** As the owner, who may switch the table's own trigger off (not the chain's: that is the superuser's power). */
    private void ownerAroundAppendOnly(String sql) {
        EmbeddedDatabaseLogins.execute(context, EmbeddedDatabaseLogins.OWNER,
                "alter table audit_event disable trigger audit_event_append_only", sql,
                "alter table audit_event enable trigger audit_event_append_only");
    }
}
