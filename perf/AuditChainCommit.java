import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * What committing N audit lines costs PostgreSQL (perf/audit-chain.sh): as the application's role, one connection
 * inserts N lines with the statement AuditTrail uses (one multi-row insert of arrays) and commits, many times over;
 * the same inserts rolled back are the baseline (a rolled-back row is never linked, and nothing is flushed). Prints,
 * per N, the backend's CPU per transaction from /proc/PID/stat (its own work: the insert, the chain's triggers, the
 * commit) and the difference to the baseline per line, with the load average. Rounds of all sizes alternate, so a
 * busy neighbour weighs on each size alike.
 * Usage: java -cp postgresql.jar perf/AuditChainCommit.java JDBC_URL USER PASSWORD TRANSACTIONS SIZES ROUNDS
 */
final class AuditChainCommit {

    private static final String INSERT = """
            insert into audit_event (occurred_at, username, roles, action, record_type, record_id, patient_id, remote_address, details)
            select e.occurred_at, e.username, e.roles, e.action, e.record_type, e.record_id, e.patient_id, e.remote_address, e.details
            from unnest(?::timestamptz[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[],
                        ?::varchar[], ?::varchar[])
                 with ordinality as e (occurred_at, username, roles, action, record_type, record_id, patient_id,
                                       remote_address, details, position)
            order by e.position
            """;

    public static void main(String[] args) throws SQLException {
        String url = args[0];
        int transactions = Integer.parseInt(args[3]);
        int[] sizes = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(args[5]);
        try (Connection connection = DriverManager.getConnection(url, args[1], args[2])) {
            connection.setAutoCommit(false);
            long backend;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
                rs.next();
                backend = rs.getLong(1);
            }
            connection.commit();
            long[][] ticks = new long[sizes.length][2];
            long[][] nanos = new long[sizes.length][2];
            for (int size : sizes) { // warm up: plans cached, pages in memory
                run(connection, size, transactions / 5 + 1, true);
                run(connection, size, transactions / 5 + 1, false);
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < sizes.length; i++) {
                    for (int commit = 0; commit < 2; commit++) {
                        long before = ServerCpu.ticks(backend);
                        long start = System.nanoTime();
                        run(connection, sizes[i], transactions, commit == 1);
                        nanos[i][commit] += System.nanoTime() - start;
                        ticks[i][commit] += ServerCpu.ticks(backend) - before;
                    }
                }
            }
            System.out.printf("load average %s; %d transactions x %d rounds per size%n", ServerCpu.loadAverage(), transactions,
                    rounds);
            System.out.println("lines | backend CPU per commit, ms | per rolled-back insert, ms | commit's extra per line, us | wall per commit, ms");
            for (int i = 0; i < sizes.length; i++) {
                double count = (double) transactions * rounds;
                double committed = ServerCpu.millis(ticks[i][1]) / count;
                double rolledBack = ServerCpu.millis(ticks[i][0]) / count;
                System.out.printf("%5d | %26.3f | %26.3f | %27.1f | %19.3f%n", sizes[i], committed, rolledBack,
                        (committed - rolledBack) * 1000 / sizes[i], nanos[i][1] / 1e6 / count);
            }
        }
    }

    private static void run(Connection connection, int size, int transactions, boolean commit) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int t = 0; t < transactions; t++) {
                Timestamp[] at = new Timestamp[size];
                String[] usernames = new String[size];
                String[] roles = new String[size];
                String[] actions = new String[size];
                String[] types = new String[size];
                String[] ids = new String[size];
                UUID[] patients = new UUID[size];
                String[] addresses = new String[size];
                String[] details = new String[size];
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < size; i++) {
                    at[i] = now;
                    usernames[i] = "perf.audit";
                    roles[i] = "CLERK";
                    actions[i] = "READ";
                    types[i] = "Referral";
                    ids[i] = Integer.toString(i);
                    patients[i] = UUID.randomUUID();
                    addresses[i] = "127.0.0.1";
                    details[i] = "waiting list read; 1 of " + size + ": " + i;
                }
                insert.setArray(1, connection.createArrayOf("timestamptz", at));
                insert.setArray(2, connection.createArrayOf("varchar", usernames));
                insert.setArray(3, connection.createArrayOf("varchar", roles));
                insert.setArray(4, connection.createArrayOf("varchar", actions));
                insert.setArray(5, connection.createArrayOf("varchar", types));
                insert.setArray(6, connection.createArrayOf("varchar", ids));
                insert.setArray(7, connection.createArrayOf("uuid", patients));
                insert.setArray(8, connection.createArrayOf("varchar", addresses));
                insert.setArray(9, connection.createArrayOf("varchar", details));
                insert.executeUpdate();
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            }
        }
    }
}
