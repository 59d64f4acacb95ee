package org.synovia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * The chain links an insert's audit rows in ONE link when the insert ends (V146, ADR 0117; one link per transaction's
 * pass since V140, ADR 0112): one head lock held to the commit, one link naming the rows in id order, one head
 * update, however many rows; links in commit order per chain; a row changed, deleted, slipped into a link or a link's
 * rows reordered is found at its insert's link, which names the rows it covers. Rows are written as the application's
 * role on connections of their own; the trail is tampered with as the superuser around the triggers and put back after.
 */
@SynoviaIntegrationTest
class AuditChainPerTransactionIntegrationTests {

    @Autowired AuditTrail audit;
    @Autowired AuditIntegrity integrity;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationContext context;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;

    private DataSource application() {
        return EmbeddedDatabaseLogins.as(context, EmbeddedDatabaseLogins.APPLICATION);
    }

    /** Before V140 the one pass still wrote 50 links, one per row (V133); before V133, 50 head updates as well. */
    @Test
    void linksFiftyRowsOfOneInsertInOneLinkWithOneHeadUpdate() throws SQLException {
        List<Long> ids;
        try (Connection connection = application().getConnection()) {
            connection.setAutoCommit(false);
            ids = insertRows(connection, "fifty at once", 50);
            assertThat(tableChanges(connection, "audit_chain_head", "n_tup_upd")).isEqualTo(1);
            assertThat(tableChanges(connection, "audit_chain", "n_tup_ins")).isEqualTo(1);
            connection.commit();
        }

        assertThat(linksInIdOrder(ids)).containsOnly(linksInIdOrder(ids).getFirst());
        assertThat(rowsOfLinkOf(ids.getFirst())).isEqualTo(ids);
        assertThat(integrity.check().problems()).isEmpty();
    }

    /**
     * Two transactions on one chain: the first's insert links its rows and keeps the head, the second's insert waits
     * for it, the first then writes more rows and commits. All the first's rows come before all the second's.
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

        // The first transaction's two inserts, then the second's.
        long number = linkNumber(first.getFirst());
        assertThat(linksInIdOrder(first)).containsExactlyElementsOf(
                LongStream.range(0, 15).mapToObj(i -> chain + ":" + (i < 10 ? number : number + 1)).toList());
        assertThat(linksInIdOrder(second)).containsOnly(chain + ":" + (number + 2));
        assertThat(integrity.check().problems()).isEmpty();
    }

    @Test
    void findsARowAlteredAmongFiftyAtTheirTransactionsLinkNamingTheFifty() throws Exception {
        List<Long> ids = recordFifty();
        long altered = ids.get(24);
        asSuperuserAroundTriggers("update audit_event set details = 'nothing to see' where id = " + altered);
        try {
            assertThat(integrity.check().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.problem()).isEqualTo("content altered");
                assertThat(problem.position()).isEqualTo(linkNumber(altered));
                assertThat(problem.eventId()).isNull();
                assertThat(problem.linkRows()).isEqualTo(ids).contains(altered);
                assertThat(problem.toString()).contains("covers the 50 rows of one transaction: " + ids.getFirst() + "–" + ids.getLast());
            });
            mvc.perform(get("/admin/audit/integrity").with(user("auditor").roles("ADMIN"))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("<td>" + ids.getFirst() + "–" + ids.getLast() + "</td>")))
                    .andExpect(content().string(Matchers.containsString("id=\"several-rows\"")));
        } finally {
            asSuperuserAroundTriggers("update audit_event set details = 'list row 24' where id = " + altered);
        }
        assertThat(integrity.check().problems()).isEmpty();
    }

    @Test
    void findsARowDeletedFromFiftyAtTheirTransactionsLinkByItsId() {
        List<Long> ids = recordFifty();
        long deleted = ids.get(10);
        EmbeddedDatabaseLogins.execute(context, EmbeddedDatabaseLogins.SUPERUSER,
                "create table audit_event_deleted_row as select * from audit_event where id = " + deleted,
                "set session_replication_role = replica", "delete from audit_event where id = " + deleted);
        try {
            assertThat(integrity.check().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.problem()).isEqualTo("row missing");
                assertThat(problem.position()).isEqualTo(linkNumber(ids.getFirst()));
                assertThat(problem.eventId()).isEqualTo(deleted);
                assertThat(problem.linkRows()).isEqualTo(ids);
            });
        } finally {
            EmbeddedDatabaseLogins.execute(context, EmbeddedDatabaseLogins.SUPERUSER, "set session_replication_role = replica",
                    "insert into audit_event overriding system value select * from audit_event_deleted_row",
                    "drop table audit_event_deleted_row");
        }
        assertThat(integrity.check().problems()).isEmpty();
    }

    /**
     * A row slipped in around the triggers: in no link it is a row not chained; named in the transaction's link as
     * if the transaction had written it, the link no longer matches its rows.
     */
    @Test
    void findsARowSlippedInAsNotChainedOrAtTheLinkThatClaimsIt() {
        List<Long> ids = recordFifty();
        long slipped = jdbc.sql("select nextval(pg_get_serial_sequence('audit_event', 'id'))").query(Long.class).single();
        asSuperuserAroundTriggers("insert into audit_event (id, occurred_at, username, roles, action, record_type, details) "
                + "overriding system value select " + slipped + ", occurred_at, username, roles, action, record_type, 'list row 50' "
                + "from audit_event where id = " + ids.getLast());
        try {
            assertThat(integrity.check().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.problem()).isEqualTo("row not chained");
                assertThat(problem.eventId()).isEqualTo(slipped);
                assertThat(problem.position()).isNull();
            });

            asSuperuserAroundTriggers("update audit_chain set event_ids = event_ids || " + slipped + "::bigint where event_id = "
                    + ids.getFirst());
            assertThat(integrity.check().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.problem()).isEqualTo("content altered");
                assertThat(problem.position()).isEqualTo(linkNumber(ids.getFirst()));
                assertThat(problem.linkRows()).hasSize(51).endsWith(slipped);
            });
        } finally {
            asSuperuserAroundTriggers("update audit_chain set event_ids = event_ids[1:50] where event_id = " + ids.getFirst(),
                    "delete from audit_event where id = " + slipped);
        }
        assertThat(integrity.check().problems()).isEmpty();
    }

    @Test
    void findsTheRowsOfALinkReordered() {
        List<Long> ids = recordFifty();
        asSuperuserAroundTriggers("update audit_chain set event_ids = event_ids[1:1] || event_ids[3:3] || event_ids[2:2] || "
                + "event_ids[4:50] where event_id = " + ids.getFirst());
        try {
            assertThat(integrity.check().problems()).singleElement().satisfies(problem -> {
                assertThat(problem.problem()).isEqualTo("content altered");
                assertThat(problem.position()).isEqualTo(linkNumber(ids.getFirst()));
            });
        } finally {
            asSuperuserAroundTriggers("update audit_chain set event_ids = event_ids[1:1] || event_ids[3:3] || event_ids[2:2] || "
                    + "event_ids[4:50] where event_id = " + ids.getFirst());
        }
        assertThat(integrity.check().problems()).isEmpty();
    }

    /**
     * A savepoint's rows: kept when it is released, gone with it when rolled back, their link and the head's move
     * with them. Each insert's rows share a link, in the order of the inserts; all in one run of one chain. A
     * rolled-back row is in no link, and its link's number is the next insert's.
     */
    @Test
    void linksTheRowsOfAReleasedSavepointAndNoneOfOneRolledBack() throws SQLException {
        List<Long> own;
        List<Long> released;
        List<Long> rolledBack;
        List<Long> after;
        try (Connection connection = application().getConnection()) {
            connection.setAutoCommit(false);
            own = insertRows(connection, "before the savepoints", 2);
            var kept = connection.setSavepoint();
            released = insertRows(connection, "in a released savepoint", 2);
            connection.releaseSavepoint(kept);
            var undone = connection.setSavepoint();
            rolledBack = insertRows(connection, "in a rolled-back savepoint", 2);
            connection.rollback(undone);
            after = insertRows(connection, "after the rollback", 2);
            connection.commit();
        }

        String link = linksInIdOrder(own).getFirst();
        String chain = link.split(":")[0];
        long number = Long.parseLong(link.split(":")[1]);
        assertThat(linksInIdOrder(own)).containsExactly(link, link);
        assertThat(linksInIdOrder(released)).containsExactly(chain + ":" + (number + 1), chain + ":" + (number + 1));
        assertThat(linksInIdOrder(after)).containsExactly(chain + ":" + (number + 2), chain + ":" + (number + 2));
        assertThat(linksInIdOrder(rolledBack)).isEmpty();
        assertThat(integrity.check().problems()).isEmpty();
    }

    /**
     * Until V146 a list of the rows to link and a record of those linked were settings the session could write: a
     * session that faked them kept its own rows out of the chain (found by the check as 'row not chained', HAZ-140).
     * Now an insert's link comes from the rows the insert wrote, whatever the settings say.
     */
    @Test
    void linksEveryRowOfAnInsertWhateverTheSessionWritesIntoTheSettingsOfEarlierVersions() throws SQLException {
        List<Long> emptied;
        List<Long> claimed;
        try (Connection connection = application().getConnection()) {
            connection.setAutoCommit(false);
            emptied = insertRows(connection, "list emptied", 3);
            setList(connection, "");
            connection.commit();
            claimed = insertRows(connection, "claimed linked", 2);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select set_config('synovia.audit_linked', '" + claimed.getFirst() + "," + claimed.getLast() + "', true)");
            }
            setList(connection, "");
            connection.commit();
        }

        assertThat(rowsOfLinkOf(emptied.getFirst())).isEqualTo(emptied);
        assertThat(rowsOfLinkOf(claimed.getFirst())).isEqualTo(claimed);
        assertThat(integrity.check().problems()).isEmpty();
    }

    /**
     * The link is written when the insert ends, before the commit, from the insert's own rows; a transaction rolled
     * back takes its rows, their link and the head's move back with it, so the chain goes on from where it was.
     */
    @Test
    void linksAnInsertsRowsWhenItEndsAndNoneOfATransactionRolledBack() throws SQLException {
        List<Long> undone;
        List<Long> kept;
        try (Connection connection = application().getConnection()) {
            connection.setAutoCommit(false);
            undone = insertRows(connection, "rolled back", 4);
            assertThat(rowsOfLinkOf(connection, undone.getFirst())).isEqualTo(undone);
            String chain = chainOf(connection);
            connection.rollback();
            useChain(connection, chain);
            kept = insertRows(connection, "committed", 3);
            connection.commit();
        }

        assertThat(linksInIdOrder(undone)).isEmpty();
        assertThat(rowsOfLinkOf(kept.getFirst())).isEqualTo(kept);
        assertThat(integrity.check().problems()).isEmpty();
    }

    /** Rows written by COPY pass the statement's trigger too, all in one link. */
    @Test
    void linksTheRowsOfACopyInOneLink() throws Exception {
        String details = "copied " + UUID.randomUUID();
        try (Connection connection = application().getConnection()) {
            connection.setAutoCommit(false);
            String rows = IntStream.range(0, 5).mapToObj(i -> "2026-12-07 10:00:00+00\tchain.test\tADMIN\tREAD\tAuditChainTest\t"
                    + details + "\n").reduce("", String::concat);
            connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(
                    "copy audit_event (occurred_at, username, roles, action, record_type, details) from stdin",
                    new java.io.StringReader(rows));
            connection.commit();
        }

        List<Long> ids = jdbc.sql("select id from audit_event where details = ? order by id").param(details).query(Long.class).list();
        assertThat(ids).hasSize(5);
        assertThat(rowsOfLinkOf(ids.getFirst())).isEqualTo(ids);
        assertThat(integrity.check().problems()).isEmpty();
    }

    private List<Long> recordFifty() {
        UUID patient = UUID.randomUUID();
        transactions.executeWithoutResult(status -> audit.recordAll(IntStream.range(0, 50)
                .mapToObj(i -> new AuditEntry(AuditAction.READ, "Referral", "r" + i, patient, "list row " + i)).toList()));
        List<Long> ids = jdbc.sql("select id from audit_event where patient_id = ? order by id").param(patient).query(Long.class).list();
        assertThat(ids).hasSize(50);
        return ids;
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

    /** The chain this connection's transaction links into, as its first insert chose it. */
    private static String chainOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_setting('synovia.audit_chain', true)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The rows of the link covering this row, as this connection's transaction sees them. */
    private static List<Long> rowsOfLinkOf(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select unnest(audit_chain_rows(c)) from audit_chain c where ? = any(audit_chain_rows(c))")) {
            select.setLong(1, id);
            List<Long> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                }
            }
            return rows;
        }
    }

    private static void useChain(Connection connection, String chain) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select set_config('synovia.audit_chain', '" + chain + "', true)");
        }
    }

    /** Writes the list of rows to link that V133 to V140 kept in a setting; V146 reads no such list. */
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

    /** "chain:link" of the link covering each row, in the rows' id order; a row in no link is left out. */
    private List<String> linksInIdOrder(List<Long> ids) {
        return jdbc.sql("select c.chain || ':' || c.link_number from unnest(?::bigint[]) i (id) "
                + "join audit_chain c on i.id = any(audit_chain_rows(c)) order by i.id")
                .param(ids.toArray(Long[]::new)).query(String.class).list();
    }

    private long linkNumber(long id) {
        return jdbc.sql("select c.link_number from audit_chain c where ? = any(audit_chain_rows(c))").param(id)
                .query(Long.class).single();
    }

    private List<Long> rowsOfLinkOf(long id) {
        return jdbc.sql("select unnest(audit_chain_rows(c)) from audit_chain c where ? = any(audit_chain_rows(c))").param(id)
                .query(Long.class).list();
    }

    private void asSuperuserAroundTriggers(String... sql) {
        List<String> statements = new ArrayList<>(List.of("set session_replication_role = replica"));
        statements.addAll(List.of(sql));
        EmbeddedDatabaseLogins.execute(context, EmbeddedDatabaseLogins.SUPERUSER, statements.toArray(String[]::new));
    }

    private static String joined(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
