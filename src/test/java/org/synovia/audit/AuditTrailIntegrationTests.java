package org.synovia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
