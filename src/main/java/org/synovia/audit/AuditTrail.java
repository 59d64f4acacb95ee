package org.synovia.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.synovia.shared.CurrentUser;

/**
 * Records every access to patient data. Called inside the caller's transaction, so a write and its
 * audit line commit or roll back together; the lines a transaction records are stored together just before it
 * commits, in one statement.
 */
@Service
public class AuditTrail {

    private static final int MAX_DETAILS = 1000;
    private static final int MAX_USERNAME = 64;

    /** A CSV export holds at most this many lines; a wider filter is refused with a message (ADR 0086). */
    public static final int EXPORT_LIMIT = 50_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Looked up when needed: the modules that answer depend on this trail themselves. */
    private final ObjectProvider<AuditDirectory> directories;

    AuditTrail(JdbcClient jdbc, Clock clock, ObjectProvider<AuditDirectory> directories) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directories = directories;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String recordType, Object recordId, UUID patientId, String details) {
        String username = CurrentUser.username();
        insert(username, roles(username), action, recordType, recordId, patientId, details);
    }

    /**
     * Records what someone not (yet) signed in tried, under the name they gave: a refused sign-in. The name is
     * cut to the column's width; it may be anything typed into the form.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAttempt(String attemptedUsername, AuditAction action, String recordType, String details) {
        String name = attemptedUsername == null || attemptedUsername.isBlank() ? "(none)" : attemptedUsername.trim().toLowerCase();
        insert(name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) : name, "NONE", action, recordType, null, null,
                details);
    }

    private void insert(String username, String roles, AuditAction action, String recordType, Object recordId, UUID patientId,
            String details) {
        Line line = new Line(Timestamp.from(clock.instant()), username, roles, action.name(), recordType,
                recordId == null ? null : recordId.toString(), patientId, remoteAddress(), truncate(details));
        PendingLines pending = pending();
        if (pending == null) {
            insertNow(List.of(line));
        } else {
            pending.lines.add(line);
        }
    }

    /** One audit line as it will be stored, its facts taken when it was recorded. */
    private record Line(Timestamp occurredAt, String username, String roles, String action, String recordType, String recordId,
            UUID patientId, String remoteAddress, String details) {
    }

    /**
     * The lines the current transaction has recorded and not yet stored, or null when they cannot wait (no
     * transaction synchronisation, or the transaction is already storing them). The lines of one transaction are
     * stored together just before it commits, in one multi-row insert (issue 16): an HL7 order that registers a
     * patient, reads them and makes a referral writes its three lines in one statement, not three. A rolled-back
     * transaction stores none, as before; a failure to store them fails the commit, so nothing commits unaudited.
     */
    private PendingLines pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        PendingLines pending = (PendingLines) TransactionSynchronizationManager.getResource(PendingLines.KEY);
        if (pending == null) {
            pending = new PendingLines();
            TransactionSynchronizationManager.bindResource(PendingLines.KEY, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending.stored ? null : pending;
    }

    /** Holds a transaction's lines until it commits; follows it when an inner transaction suspends it. */
    private final class PendingLines implements TransactionSynchronization {

        static final Object KEY = PendingLines.class;

        final List<Line> lines = new ArrayList<>();
        boolean stored;

        @Override
        public void beforeCommit(boolean readOnly) {
            stored = true;
            if (!lines.isEmpty()) {
                insertNow(lines);
            }
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(KEY);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(KEY, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
    }

    /**
     * Stores lines in the given order in one statement however many: arrays rather than one placeholder per value,
     * so the statement stays the same and within the protocol's parameter limit; "with ordinality" keeps the lines
     * (and their ids) in order. It is an ordinary multi-row insert, so every row passes the table's row triggers.
     */
    private void insertNow(List<Line> lines) {
        if (lines.size() == 1) {
            Line line = lines.getFirst();
            jdbc.sql("""
                    insert into audit_event (occurred_at, username, roles, action, record_type, record_id, patient_id, remote_address, details)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(line.occurredAt(), line.username(), line.roles(), line.action(), line.recordType(), line.recordId(),
                            line.patientId(), line.remoteAddress(), line.details())
                    .update();
            return;
        }
        int size = lines.size();
        Timestamp[] occurredAt = new Timestamp[size];
        String[] usernames = new String[size];
        String[] roles = new String[size];
        String[] actions = new String[size];
        String[] recordTypes = new String[size];
        String[] recordIds = new String[size];
        UUID[] patientIds = new UUID[size];
        String[] remoteAddresses = new String[size];
        String[] details = new String[size];
        for (int i = 0; i < size; i++) {
            Line line = lines.get(i);
            occurredAt[i] = line.occurredAt();
            usernames[i] = line.username();
            roles[i] = line.roles();
            actions[i] = line.action();
            recordTypes[i] = line.recordType();
            recordIds[i] = line.recordId();
            patientIds[i] = line.patientId();
            remoteAddresses[i] = line.remoteAddress();
            details[i] = line.details();
        }
        jdbc.sql("""
                insert into audit_event (occurred_at, username, roles, action, record_type, record_id, patient_id, remote_address, details)
                select e.occurred_at, e.username, e.roles, e.action, e.record_type, e.record_id, e.patient_id, e.remote_address, e.details
                from unnest(?::timestamptz[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[],
                            ?::varchar[], ?::varchar[])
                     with ordinality as e (occurred_at, username, roles, action, record_type, record_id, patient_id,
                                           remote_address, details, position)
                order by e.position
                """)
                .params(occurredAt, usernames, roles, actions, recordTypes, recordIds, patientIds, remoteAddresses, details)
                .update();
    }

    /**
     * Records many lines at once, in the given order, by the same user at the same instant: one statement however
     * many lines, so that a read returning many patients (a worklist query) writes one line per patient without
     * one round trip per patient. It is an ordinary multi-row insert, so every row passes the table's row triggers.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String username = CurrentUser.username();
        String roles = roles(username);
        Timestamp at = Timestamp.from(clock.instant());
        String remoteAddress = remoteAddress();
        List<Line> lines = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            lines.add(new Line(at, username, roles, entry.action().name(), entry.recordType(),
                    entry.recordId() == null ? null : entry.recordId().toString(), entry.patientId(), remoteAddress,
                    truncate(entry.details())));
        }
        PendingLines pending = pending();
        if (pending == null) {
            insertNow(lines);
        } else {
            pending.lines.addAll(lines);
        }
    }

    /**
     * One line per patient a list or search touched, naming that patient's records, all in one statement; a list
     * that touched nobody still leaves one line saying so. Lines without a patient (rows not about one) share a line.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> void recordPerPatient(AuditAction action, String recordType, Collection<T> rows, Function<T, ?> recordId,
            Function<T, UUID> patientId, String what) {
        if (rows.isEmpty()) {
            record(action, recordType, null, null, what + ": none");
            return;
        }
        Map<UUID, List<String>> byPatient = new LinkedHashMap<>();
        rows.forEach(row -> byPatient.computeIfAbsent(patientId.apply(row), k -> new ArrayList<>())
                .add(String.valueOf(recordId.apply(row))));
        List<AuditEntry> lines = new ArrayList<>(byPatient.size());
        byPatient.forEach((patient, ids) -> lines.add(new AuditEntry(action, recordType, ids.size() == 1 ? ids.getFirst() : null,
                patient, what + "; " + ids.size() + " of " + rows.size() + ": " + String.join(",", ids))));
        recordAll(lines);
    }

    private static String roles(String username) {
        String roles = CurrentUser.SYSTEM.equals(username) ? "SYSTEM"
                : CurrentUser.roles().stream().sorted().collect(Collectors.joining(","));
        return roles.isEmpty() ? "NONE" : roles;
    }

    /** Reading the trail is itself audited. */
    @Transactional
    public List<AuditEvent> search(AuditQuery query) {
        List<AuditEvent> events = select(query, null, query.limit());
        record(AuditAction.SEARCH, "AuditTrail", null, query.patientId(), "audit trail read: " + events.size() + " events");
        return events;
    }

    /**
     * One page of the filtered trail, newest first, starting after {@code after} (the first page when null), with
     * staff named and patients' NHS numbers: a fixed number of statements whatever the page. Audited.
     */
    @Transactional
    public AuditPage page(AuditQuery query, AuditCursor after) {
        List<AuditEvent> read = select(query, after, query.limit() + 1);
        boolean more = read.size() > query.limit();
        List<AuditEvent> events = more ? read.subList(0, query.limit()) : read;
        record(AuditAction.SEARCH, "AuditTrail", null, query.patientId(), "audit trail read: " + events.size() + " events"
                + (after == null ? "" : " after " + after) + describe(query));
        return named(events, more ? AuditCursor.after(events.getLast()) : null);
    }

    /**
     * Every line the filter matches, newest first, with the people named, for a CSV file; at most
     * {@link #EXPORT_LIMIT} (otherwise {@link org.synovia.shared.InvalidInputException} asking for a narrower
     * filter). The export is audited with its filter.
     */
    @Transactional
    public AuditPage export(AuditQuery query) {
        List<AuditEvent> events = select(query, null, EXPORT_LIMIT + 1);
        if (events.size() > EXPORT_LIMIT) {
            throw new org.synovia.shared.InvalidInputException("from", "More than " + EXPORT_LIMIT
                    + " lines match; choose a shorter date range or another filter, and export each part.");
        }
        record(AuditAction.EXPORT, "AuditTrail", null, query.patientId(), "audit trail exported as CSV: " + events.size()
                + " events" + describe(query));
        return named(events, null);
    }

    /**
     * The patient with this NHS number, for filtering the trail; empty when no patient has it. The module that owns
     * patients checks the number ({@link org.synovia.shared.InvalidInputException} when it is none).
     */
    public Optional<UUID> patientWithNhsNumber(String nhsNumber) {
        return directories.orderedStream().map(d -> d.patientWithNhsNumber(nhsNumber)).flatMap(Optional::stream).findFirst();
    }

    private AuditPage named(List<AuditEvent> events, AuditCursor next) {
        Set<String> usernames = events.stream().map(AuditEvent::username).collect(Collectors.toSet());
        Set<UUID> patients = events.stream().map(AuditEvent::patientId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> names = new HashMap<>();
        Map<UUID, String> nhsNumbers = new HashMap<>();
        directories.orderedStream().forEach(d -> {
            if (!usernames.isEmpty()) {
                names.putAll(d.staffNames(usernames));
            }
            if (!patients.isEmpty()) {
                nhsNumbers.putAll(d.nhsNumbers(patients));
            }
        });
        return new AuditPage(events, next, names, nhsNumbers);
    }

    private static String describe(AuditQuery query) {
        StringBuilder text = new StringBuilder();
        if (query.username() != null) {
            text.append(", user ").append(query.username());
        }
        if (query.patientId() != null) {
            text.append(", patient ").append(query.patientId());
        }
        if (query.recordType() != null) {
            text.append(", record type ").append(query.recordType());
        }
        if (query.action() != null) {
            text.append(", action ").append(query.action());
        }
        if (query.from() != null) {
            text.append(", from ").append(query.from());
        }
        if (query.to() != null) {
            text.append(", to ").append(query.to());
        }
        return text.toString();
    }

    private List<AuditEvent> select(AuditQuery query, AuditCursor after, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit_event where true");
        List<Object> params = new ArrayList<>();
        if (query.username() != null) {
            sql.append(" and username = ?");
            params.add(query.username());
        }
        if (query.patientId() != null) {
            sql.append(" and patient_id = ?");
            params.add(query.patientId());
        }
        if (query.recordType() != null) {
            sql.append(" and record_type = ?");
            params.add(query.recordType());
        }
        if (query.action() != null) {
            // A literal (an enum's name, never typed text), so that the planner sees whether the partial index of the
            // rare actions fits (V147); LIST and READ are read along the trail's own keyset index.
            sql.append(" and action = '").append(query.action().name()).append('\'');
        }
        ZoneId zone = clock.getZone();
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (after != null) {
            // A row comparison, so that the (…, occurred_at desc, id desc) indexes serve it (V117).
            sql.append(" and (occurred_at, id) < (?, ?)");
            params.add(Timestamp.from(after.occurredAt()));
            params.add(after.id());
        }
        sql.append(" order by occurred_at desc, id desc limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("username"), rs.getString("roles"), AuditAction.valueOf(rs.getString("action")),
                        rs.getString("record_type"), rs.getString("record_id"), rs.getObject("patient_id", UUID.class),
                        rs.getString("remote_address"), rs.getString("details")))
                .list();
    }

    /** The clinic's time zone, in which the trail's dates are read and shown. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String details) {
        return details == null || details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS - 1) + "…";
    }
}
