package org.synovia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.database.EmbeddedDatabaseLogins;

@SynoviaIntegrationTest
class AuditTrailIntegrationTests {

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationContext context;

    @Test
    void refusesToUpdateOrDeleteTheTrailByGrantAndAgainByTriggerForTheOwner() {
        UUID patient = UUID.randomUUID();
        transactions.executeWithoutResult(status -> audit.record(AuditAction.READ, "Patient", patient, patient, "test"));

        assertThatThrownBy(() -> jdbc.sql("update audit_event set username = 'someone-else' where patient_id = ?")
                .param(patient).update()).isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("permission denied for table audit_event");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where patient_id = ?").param(patient).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied for table audit_event");
        JdbcClient owner = JdbcClient.create(EmbeddedDatabaseLogins.as(context, EmbeddedDatabaseLogins.OWNER));
        assertThatThrownBy(() -> owner.sql("delete from audit_event where patient_id = ?").param(patient).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("select username from audit_event where patient_id = ?").param(patient).query(String.class).list())
                .containsExactly("system");
    }

    @Test
    void refusesToRecordOutsideATransactionSoThatNoAccessGoesUnaudited() {
        assertThatThrownBy(() -> audit.record(AuditAction.READ, "Patient", null, null, null))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void filtersTheTrailByPatientAndAuditsTheReading() {
        UUID patient = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            audit.record(AuditAction.CREATE, "Patient", patient, patient, "one");
            audit.record(AuditAction.READ, "Patient", patient, patient, "two");
        });

        var events = audit.search(new AuditQuery(null, patient, null, null, null, null, 0));

        assertThat(events).extracting(AuditEvent::details).containsExactly("two", "one");
        assertThat(audit.search(new AuditQuery(null, patient, null, AuditAction.SEARCH, null, null, 0)))
                .extracting(AuditEvent::recordType).containsExactly("AuditTrail");
    }

    @Test
    void recordsManyLinesInOneStatementInTheirOrderWithTheSameUserAndInstant() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        transactions.executeWithoutResult(status -> audit.recordAll(List.of(
                new AuditEntry(AuditAction.READ, "DicomWorklist", "appointment-1", first, "batch " + first),
                new AuditEntry(AuditAction.READ, "DicomWorklist", null, second, "x".repeat(1200)),
                new AuditEntry(AuditAction.SEARCH, "DicomWorklist", null, null, "batch " + first + " without a patient"))));

        record Line(long id, String action, String recordId, UUID patientId, String details, String username,
                java.time.Instant at) {
        }
        List<Line> lines = jdbc.sql("""
                select id, action, record_id, patient_id, details, username, occurred_at from audit_event
                where patient_id in (?, ?) or details = ? order by id
                """).params(first, second, "batch " + first + " without a patient")
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
        assertThat(lines).extracting(Line::patientId).containsExactly(first, second, null);
        assertThat(lines).extracting(Line::action).containsExactly("READ", "READ", "SEARCH");
        assertThat(lines.getFirst().recordId()).isEqualTo("appointment-1");
        assertThat(lines.get(1).details()).as("cut like a single line").hasSize(1000).endsWith("…");
        assertThat(lines).extracting(Line::username).containsOnly("system");
        assertThat(lines).extracting(Line::at).containsOnly(lines.getFirst().at());
    }

    @Test
    void recordsOneLinePerPatientOfAListNamingThatPatientsRecordsAndOneLineForAnEmptyList() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        record Row(String id, UUID patient) {
        }
        List<Row> rows = List.of(new Row("r1", first), new Row("r2", second), new Row("r3", first));
        String what = "referrals shown " + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            audit.recordPerPatient(AuditAction.LIST, "Referral", rows, Row::id, Row::patient, what);
            audit.recordPerPatient(AuditAction.LIST, "Referral", List.<Row>of(), Row::id, Row::patient, what + " (empty)");
        });

        List<java.util.Map<String, Object>> lines = jdbc.sql("""
                select patient_id, record_id, details from audit_event where details like ? order by id""")
                .param(what + "%").query().listOfRows();
        assertThat(lines).extracting(l -> l.get("patient_id")).containsExactly(first, second, null);
        assertThat(lines).extracting(l -> l.get("record_id")).containsExactly(null, "r2", null);
        assertThat(lines).extracting(l -> l.get("details")).containsExactly(what + "; 2 of 3: r1,r3", what + "; 1 of 3: r2",
                what + " (empty): none");
    }

    @Test
    void refusesToRecordManyLinesOutsideATransaction() {
        assertThatThrownBy(() -> audit.recordAll(List.of(new AuditEntry(AuditAction.READ, "Patient", null, null, null))))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void refusesAnAuditEntryWithoutActionOrRecordType() {
        assertThatThrownBy(() -> new AuditEntry(null, "Patient", null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEntry(AuditAction.READ, " ", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
