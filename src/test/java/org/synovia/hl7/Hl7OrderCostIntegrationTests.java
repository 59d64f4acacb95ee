package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.testing.StatementCounter;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.util.Terser;

/**
 * What one new order costs the database (issue 16), counted on the thread that handles it as the MLLP listener's
 * thread does: a fixed, small number of statements, its audit lines in one insert at commit.
 */
@SynoviaIntegrationTest
class Hl7OrderCostIntegrationTests {

    /** Resend check, patient match (3) and registration, referral key, patient, referral with its lists, log. */
    private static final int STATEMENTS_PER_NEW_ORDER = 12;

    @Autowired InboundRouter router;
    @Autowired JdbcClient jdbc;

    private final PipeParser parser = MllpListener.context().getPipeParser();

    private Message accepted(String raw) throws Exception {
        Message ack = router.processMessage(parser.parse(raw), Map.of(MetadataKeys.IN_RAW_MESSAGE, raw));
        assertThat(new Terser(ack).get("MSA-1")).as(new Terser(ack).get("MSA-3")).isEqualTo("AA");
        return ack;
    }

    private static String newOrder() {
        return new Hl7InboundIntegrationTests.Sample().text("orm-o01-knee-on-apixaban.hl7", "C" + System.nanoTime());
    }

    @Test
    void storesANewOrderInAFixedNumberOfStatementsWithItsAuditLinesInOneInsert() throws Exception {
        accepted(newOrder());
        String raw = newOrder();

        List<String> statements = StatementCounter.record(() -> accepted(raw));

        assertThat(statements).as(String.join("\n", statements)).hasSize(STATEMENTS_PER_NEW_ORDER);
        assertThat(statements).filteredOn(sql -> sql.contains("insert into audit_event")).hasSize(1);
        UUID patient = jdbc.sql("select patient_id from hl7_inbound_message where raw_message = ?").param(raw)
                .query(UUID.class).single();
        // Registered, read back for the referral, referred: every line stored, in the order recorded.
        assertThat(jdbc.sql("select action || ' ' || record_type from audit_event where patient_id = ? order by id")
                .param(patient).query(String.class).list()).containsExactly("CREATE Patient", "READ Patient", "CREATE Referral");
        assertThat(jdbc.sql("select count(distinct c.chain) from audit_chain c join audit_event e on e.id = any(audit_chain_rows(c)) "
                + "where e.patient_id = ?").param(patient).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void costsTheSameForAResendAsForAnyOtherAndStoresNothingTwice() throws Exception {
        String raw = newOrder();
        accepted(raw);

        long resend = StatementCounter.count(() -> accepted(raw));

        assertThat(resend).as("resend check, log row").isEqualTo(2);
    }
}
