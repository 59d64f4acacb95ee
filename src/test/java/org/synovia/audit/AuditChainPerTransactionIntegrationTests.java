package org.synovia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.database.EmbeddedDatabaseLogins;

/**
 * The chain links a transaction's audit rows in one pass at its commit (V133, ADR 0103): one head lock, one insert of
 * links, one head update, however many rows; still one link per row, in commit order per chain, and a row altered
 * among many is found at its own link. Rows are written as the application's role on connections of their own.
 */
@SynoviaIntegrationTest
class AuditChainPerTransactionIntegrationTests {

    @Autowired AuditTrail audit;
    @Autowired AuditIntegrity integrity;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationContext context;
    @Autowired Clock clock;

    private DataSource application() {
        return EmbeddedDatabaseLogins.as(context, EmbeddedDatabaseLogins.APPLICATION);
    }

    /** Before V133 each of the 50 rows locked, moved and rewrote the head: 50 head updates in one commit. */
    @Test
    void linksFiftyRowsOfOneInsertWithOneHeadUpdateAndOneInsertOfLinks() throws SQLException {
        List<Long> ids;
        try (Connection connection = application().getConnection()) {
            connection.setAutoCommit(false);
            ids = insertRows(connection, "fifty at once", 50);
            linkNow(connection);
            assertThat(tableChanges(connection, "audit_chain_head", "n_tup_upd")).isEqualTo(1);
            assertThat(tableChanges(connection, "audit_chain", "n_tup_ins")).isEqualTo(50);
            connection.commit();
        }

        List<Long> numbers = linkNumbersInIdOrder(ids);
        assertThat(numbers).isEqualTo(consecutive(numbers.getFirst(), 50));
        assertThat(jdbc.sql("select count(distinct chain) from audit_chain where event_id in (" + joined(ids) + ")")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(integrity.check().problems()).isEmpty();
    }

    /**
     * Two transactions on one chain: the first links its rows and keeps the head, the second's commit waits for it,
     * the first then writes more rows and commits. All the first's rows come before all the second's.
     */
    @Test
    void linksTwoTransactionsCommittingSideBySideOnOneChainInCommitOrder() throws Exception {
        String chain = jdbc.sql("select max(chain)::text from audit_chain_head").query(String.class).single();
        List<Long> first = new ArrayList<>();
        List<Long> second;
        try (Connection firstConnection = application().getConnection(); Connection secondConnection = application().getConnection();
                ExecutorService other = Executors.newSingleThreadExecutor()) {
            firstConnection.setAutoCommit(false);
            useChain(firstConnection, chain);
            first.addAll(insertRows(firstConnection, "first, before", 10));
            linkNow(firstConnection);
            long secondBackend = backendOf(secondConnection);
            Future<List<Long>> committed = other.submit(() -> {
                secondConnection.setAutoCommit(false);
                useChain(secondConnection, chain);
                List<Long> rows = insertRows(secondConnection, "second", 10);
                secondConnection.commit();
                return rows;
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> waitsForALock(secondBackend));
            first.addAll(insertRows(firstConnection, "first, after", 5));
            firstConnection.commit();
            second = committed.get(30, TimeUnit.SECONDS);
        }

        List<Long> firstNumbers = linkNumbersInIdOrder(first);
        List<Long> secondNumbers = linkNumbersInIdOrder(second);
        assertThat(firstNumbers).isEqualTo(consecutive(firstNumbers.getFirst(), 15));
        assertThat(secondNumbers).isEqualTo(consecutive(firstNumbers.getLast() + 1, 10));
        assertThat(jdbc.sql("select distinct chain::text from audit_chain where event_id in (" + joined(first) + "," + joined(second) + ")")
                .query(String.class).list()).containsExactly(chain);
        assertThat(integrity.check().problems()).isEmpty();
    }

    @Test
    void findsARowAlteredInsideAMultiRowInsertAtItsOwnLink() {
        UUID patient = UUID.randomUUID();
        transactions.executeWithoutResult(status -> audit.recordAll(IntStream.range(0, 50)
                .mapToObj(i -> new AuditEntry(AuditAction.READ, "Referral", "r" + i, patient, "list row " + i)).toList()));
        List<Long> ids = jdbc.sql("select id from audit_event where patient_id = ? order by id").param(patient).query(Long.class).list();
        assertThat(ids).hasSize(50);
        long altered = ids.get(24);
        asSuperuserAroundTriggers("update audit_event set details = 'nothing to see' where id = " + altered);
        try {
            assertThat(integrity.check().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.eventId()).isEqualTo(altered);
                assertThat(problem.problem()).isEqualTo("content altered");
            });
        } finally {
            asSuperuserAroundTriggers("update audit_event set details = 'list row 24' where id = " + altered);
        }
        assertThat(integrity.check().problems()).isEmpty();
    }

    /**
     * A savepoint's rows: kept when it is released, gone with it when rolled back; every committed row is linked
     * once, in one run of one chain, and a rolled-back row is in no link.
     */
    @Test
    void linksTheRowsOfAReleasedSavepointAndNoneOfOneRolledBack() throws SQLException {
        List<Long> committed = new ArrayList<>();
        List<Long> rolledBack;
        try (Connection connection = application().getConnection()) {
            connection.setAutoCommit(false);
            committed.addAll(insertRows(connection, "before the savepoints", 2));
            var kept = connection.setSavepoint();
            committed.addAll(insertRows(connection, "in a released savepoint", 2));
            connection.releaseSavepoint(kept);
            var undone = connection.setSavepoint();
            rolledBack = insertRows(connection, "in a rolled-back savepoint", 2);
            connection.rollback(undone);
            committed.addAll(insertRows(connection, "after the savepoints", 1));
            connection.commit();
        }

        List<Long> numbers = linkNumbersInIdOrder(committed).stream().sorted().toList();
        assertThat(numbers).isEqualTo(consecutive(numbers.getFirst(), 5));
        assertThat(jdbc.sql("select count(*) from audit_chain where event_id in (" + joined(rolledBack) + ")").query(Integer.class)
                .single()).isZero();
        assertThat(integrity.check().problems()).isEmpty();
    }

    /** The list of rows to link is the session's to write: emptied or padded with others' rows, it changes nothing. */
    @Test
    void linksEveryRowOnceWhateverTheSessionWritesIntoTheListOfRowsToLink() throws SQLException {
        List<Long> earlier;
        try (Connection connection = application().getConnection()) {
            connection.setAutoCommit(false);
            earlier = insertRows(connection, "linked earlier", 2);
            connection.commit();
            List<Long> emptied = insertRows(connection, "list emptied", 3);
            setList(connection, "");
            connection.commit();
            List<Long> padded = insertRows(connection, "list padded", 3);
            setList(connection, joined(earlier) + "," + joined(padded));
            connection.commit();

            for (List<Long> rows : List.of(earlier, emptied, padded)) {
                List<Long> numbers = linkNumbersInIdOrder(rows);
                assertThat(numbers).isEqualTo(consecutive(numbers.getFirst(), rows.size()));
            }
        }
        assertThat(integrity.check().problems()).isEmpty();
    }

    private List<Long> insertRows(Connection connection, String details, int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into audit_event (occurred_at, username, roles, action, record_type, details)
                select ?, 'chain.test', 'ADMIN', 'READ', 'AuditChainTest', ? || ' ' || n from generate_series(1, ?) n
                order by n returning id
                """)) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, details);
            insert.setInt(3, count);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.stream().sorted().toList();
        }
    }

    /** Links the transaction's rows now, as its commit would, and keeps the chain's head locked until it ends. */
    private static void linkNow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set constraints audit_event_chained immediate");
            statement.execute("set constraints audit_event_chained deferred");
        }
    }

    private static void useChain(Connection connection, String chain) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select set_config('synovia.audit_chain', '" + chain + "', true)");
        }
    }

    private static void setList(Connection connection, String ids) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select set_config('synovia.audit_unlinked', '" + ids + "', true)");
        }
    }

    /** Rows this transaction has changed in the table so far, by PostgreSQL's own count. */
    private static long tableChanges(Connection connection, String table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select " + column + " from pg_stat_xact_user_tables where relname = '" + table + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long backendOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean waitsForALock(long backend) {
        return jdbc.sql("select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'").param(backend)
                .query(Integer.class).single() == 1;
    }

    private List<Long> linkNumbersInIdOrder(List<Long> ids) {
        return jdbc.sql("select link_number from audit_chain where event_id in (" + joined(ids) + ") order by event_id")
                .query(Long.class).list();
    }

    private void asSuperuserAroundTriggers(String sql) {
        EmbeddedDatabaseLogins.execute(context, EmbeddedDatabaseLogins.SUPERUSER, "set session_replication_role = replica", sql);
    }

    private static String joined(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<Long> consecutive(long first, int count) {
        return LongStream.range(first, first + count).boxed().toList();
    }
}
