package org.synovia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

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
 * password would, is found by the hash chain at exactly the row concerned. Each test puts the trail back as it was,
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

        assertThat(jdbc.sql("select count(*) from audit_chain c join audit_event e on e.id = c.event_id where e.patient_id = ?")
                .param(patient).query(Integer.class).single()).isEqualTo(2);
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

    @Test
    void signsCheckpointsThatShowAForgedOne() {
        AuditIntegrity.Checkpoint checkpoint = integrity.takeCheckpoint();
        assertThat(integrity.exportCheckpoints()).contains(checkpoint.id() + " " + checkpoint.takenAt() + " "
                + checkpoint.position() + " " + checkpoint.hash() + " " + checkpoint.signature());
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
    void describesTheResultForTheCommandLine() {
        AuditIntegrityReport altered = new AuditIntegrityReport(java.time.Instant.parse("2026-12-06T09:00:00Z"), 12, 1,
                java.util.List.of(new AuditIntegrityReport.Problem(7L, 41L, "content altered")));

        assertThat(VerifyAuditCommand.describe(altered)).startsWith("Audit trail ALTERED: 12 links, 1 signed checkpoints")
                .contains("content altered at link 7, audit row 41");
    }
}
