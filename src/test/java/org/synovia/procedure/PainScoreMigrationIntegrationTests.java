package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.database.EmbeddedDatabaseLogins;

/**
 * V23 moves each record's one score after the injection into a timed score. The real migrations run into a
 * schema of their own, up to V22, where a signed record in the old shape is written; then V23 runs.
 */
@SynoviaIntegrationTest
class PainScoreMigrationIntegrationTests {

    private static final String SCHEMA = "pain_score_migration_check";

    @Autowired ApplicationContext context;
    // The superuser: the schema is this test's own, and replication mode below is a superuser's setting.
    DataSource dataSource;
    JdbcClient jdbc;
    TransactionTemplate transactions;

    @BeforeEach
    void asSuperuser() {
        dataSource = EmbeddedDatabaseLogins.as(context, EmbeddedDatabaseLogins.SUPERUSER);
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
                .initSql("set search_path = " + SCHEMA + ", public").target(target).load();
    }

    @AfterEach
    void dropSchema() {
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
    }

    @Test
    void movesTheOneScoreAfterIntoATimedScoreByWhoeverSavedTheRecordAndDropsTheOldColumns() {
        flyway("22").migrate();
        UUID scored = UUID.randomUUID();
        UUID unscored = UUID.randomUUID();
        // The old rows alone, in one transaction: foreign keys and the signed-record trigger are not what this
        // test is about, so replication mode (local to the transaction) leaves them out.
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            for (UUID id : new UUID[] {scored, unscored}) {
                jdbc.sql("insert into " + SCHEMA + ".procedure_record (appointment_id, referral_id, patient_id, operator, guidance, "
                        + "needle, contrast_used, needle_tip_confirmed, key_images, pain_before, pain_after, pain_after_minutes, "
                        + "complications, aftercare_given, saved_at, saved_by, signed_at, signed_by) values (?, ?, ?, 'Dr Example', "
                        + "'ULTRASOUND', '21G', false, true, 1, 8, ?, ?, 'none', true, timestamptz '2026-11-02 10:30Z', 'dr.saver', "
                        + "timestamptz '2026-11-02 11:00Z', 'dr.signer')")
                        .params(id, UUID.randomUUID(), UUID.randomUUID(), id == scored ? 2 : null, id == scored ? 30 : null)
                        .update();
            }
        });

        flyway("23").migrate();

        assertThat(jdbc.sql("select appointment_id, minutes_after, score, recorded_by, recorded_at = timestamptz "
                        + "'2026-11-02 10:30Z' as at_save from " + SCHEMA + ".procedure_pain_score")
                .query().listOfRows()).singleElement().satisfies(row -> assertThat(row).containsAllEntriesOf(Map.of(
                        "appointment_id", scored, "minutes_after", 30, "score", 2, "recorded_by", "dr.saver", "at_save", true)));
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_schema = ? "
                + "and table_name = 'procedure_record' and column_name like 'pain_after%'").param(SCHEMA)
                .query(Integer.class).single()).isZero();
    }
}
