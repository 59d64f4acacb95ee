package org.synovia.waitinglist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.shared.GenericPlans;
import org.synovia.shared.Guidance;

@Repository
class WaitingListRepository {

    private static final String COLUMNS = """
            select w.*, p.family_name, p.given_name, p.nhs_number, s.name as site_name, r.laterality,
                fd.id as fd_id, fd.payer as fd_payer, fd.outcome as fd_outcome, fd.reference as fd_reference,
                fd.decided_on as fd_decided_on, fd.expires_on as fd_expires_on, fd.reason as fd_reason,
                fd.recorded_at as fd_recorded_at, fd.recorded_by as fd_recorded_by, fd.recorded_by_name as fd_recorded_by_name
            """;

    /** What each entry is shown with, joined to the entries {@code w}. */
    private static final String JOINS = """
            join patient p on p.id = w.patient_id
            join injection_site s on s.code = w.site_code
            join referral r on r.id = w.referral_id
            left join lateral (""" + FundingRepository.DECISIONS + """
                where d.referral_id = w.referral_id order by d.seq desc limit 1) fd on true
            """;

    private static final String SELECT = COLUMNS + " from waiting_list_entry w " + JOINS;

    private final JdbcClient jdbc;
    private final Clock clock;

    WaitingListRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(NewWaitingListEntry e, WaitingStandard standard, int targetWeeks, LocalDate breachDate, Instant at, String by) {
        jdbc.sql("""
                insert into waiting_list_entry (referral_id, patient_id, site_code, guidance, priority, standard, clock_start,
                    target_weeks, breach_date, earliest_date, latest_date, date_constraints, funding_status, operator_grade,
                    one_stop_eligible, added_at, added_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(e.referralId(), e.patientId(), e.siteCode(), e.guidance().name(), e.priority().name(), standard.name(),
                        e.clockStart(), targetWeeks, breachDate, e.earliestDate(), e.latestDate(),
                        String.join("\n", e.dateConstraints()), e.fundingStatus().name(), e.operatorGrade(),
                        e.oneStopEligible(), Timestamp.from(at), by)
                .update();
    }

    Optional<WaitingListEntry> find(UUID referralId) {
        return jdbc.sql(SELECT + " where w.referral_id = ?").param(referralId).query(this::entry).optional();
    }

    List<WaitingListEntry> waiting(WaitingListFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql(SELECT + where + " order by w.breach_date, w.clock_start, w.referral_id").params(params)
                .query(this::entry).list();
    }

    /**
     * Entries waiting with one of these guidances whose earliest and latest dates leave a day between {@code first}
     * and {@code last}, all but {@code excluded} (or none), in the list's order: a freed slot's candidates picked in
     * SQL. Only a necessary condition: the caller still checks each as booking does.
     */
    List<WaitingListEntry> candidates(Set<Guidance> guidance, LocalDate first, LocalDate last, UUID excluded) {
        List<Object> params = new ArrayList<>(List.of(guidance.stream().map(Guidance::name).toArray(String[]::new), last, first));
        StringBuilder sql = new StringBuilder(COLUMNS).append(" from (select * from waiting_list_entry w where w.status = 'WAITING'")
                .append(" and w.guidance = any(?) and (w.earliest_date is null or w.earliest_date <= ?)")
                .append(" and (w.latest_date is null or w.latest_date >= ?)");
        if (excluded != null) {
            sql.append(" and w.referral_id <> ?");
            params.add(excluded);
        }
        sql.append(") w ").append(JOINS).append(" order by w.breach_date, w.clock_start, w.referral_id");
        return jdbc.sql(sql.toString()).params(params).query(this::entry).list();
    }

    /**
     * Up to {@code limit} entries in the list's order (breach date, then clock start, then referral, so that the order
     * is total), after {@code after} when given: the page is read from the index at the cursor, never by skipping the
     * entries before it.
     */
    List<WaitingListEntry> waitingPage(WaitingListFilter filter, WaitingListCursor after, int limit) {
        List<Object> params = new ArrayList<>();
        // The page's entries are picked first and only they are joined: with the join outside, a plan made without
        // fresh statistics joined every waiting entry to its patient and referral and then kept 51 (ADR 0120).
        StringBuilder sql = new StringBuilder(COLUMNS).append(" from (select * from waiting_list_entry w").append(where(filter, params));
        if (after != null) {
            sql.append(" and (w.breach_date, w.clock_start, w.referral_id) > (?, ?, ?)");
            params.addAll(List.of(after.breachDate(), after.clockStart(), after.referralId()));
        }
        sql.append(" order by w.breach_date, w.clock_start, w.referral_id limit ?) w ").append(JOINS)
                .append(" order by w.breach_date, w.clock_start, w.referral_id");
        params.add(limit);
        return GenericPlans.read(jdbc, () -> jdbc.sql(sql.toString()).params(params).query(this::entry).list());
    }

    /**
     * How many entries the filter selects on each breach date, and nothing about the patient: the list's counts. A
     * row per date, not per entry: at 2,000 waiting, a few hundred dates.
     */
    Map<LocalDate, Long> breachDates(WaitingListFilter filter) {
        List<Object> params = new ArrayList<>();
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select w.breach_date, count(*) from waiting_list_entry w" + where(filter, params) + " group by w.breach_date")
                .params(params).query(rs -> {
                    counts.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        return counts;
    }

    private static String where(WaitingListFilter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where w.status = 'WAITING'");
        if (filter.guidance() != null) {
            sql.append(" and w.guidance = ?");
            params.add(filter.guidance().name());
        }
        if (filter.siteCode() != null) {
            sql.append(" and w.site_code = ?");
            params.add(filter.siteCode());
        }
        if (filter.operatorGrade() != null) {
            sql.append(" and w.operator_grade = ?");
            params.add(filter.operatorGrade());
        }
        if (filter.priority() != null) {
            sql.append(" and w.priority = ?");
            params.add(filter.priority().name());
        }
        return sql.toString();
    }

    void setUnavailability(UUID referralId, LocalDate from, LocalDate to) {
        jdbc.sql("update waiting_list_entry set unavailable_from = ?, unavailable_to = ? where referral_id = ?")
                .params(from, to, referralId).update();
    }

    boolean changeStatus(UUID referralId, String from, String to) {
        return jdbc.sql("update waiting_list_entry set status = ? where referral_id = ? and status = ?")
                .params(to, referralId, from).update() == 1;
    }

    private WaitingListEntry entry(ResultSet rs, int row) throws SQLException {
        FundingStatus required = FundingStatus.valueOf(rs.getString("funding_status"));
        FundingDecision latest = rs.getObject("fd_id") == null ? null : FundingRepository.decision(rs, "fd_");
        FundingClearance funding = FundingClearance.of(required, Payer.valueOf(rs.getString("payer")),
                rs.getString("insurer_name"), latest, LocalDate.now(clock));
        return new WaitingListEntry(rs.getObject("referral_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("family_name").toUpperCase() + ", " + rs.getString("given_name"), rs.getString("nhs_number"),
                rs.getString("site_name"), rs.getString("laterality"), Guidance.valueOf(rs.getString("guidance")),
                Priority.valueOf(rs.getString("priority")), WaitingStandard.valueOf(rs.getString("standard")),
                rs.getObject("clock_start", LocalDate.class), rs.getInt("target_weeks"),
                rs.getObject("breach_date", LocalDate.class), rs.getObject("earliest_date", LocalDate.class),
                rs.getObject("latest_date", LocalDate.class), rs.getString("date_constraints"),
                rs.getObject("unavailable_from", LocalDate.class), rs.getObject("unavailable_to", LocalDate.class),
                required, rs.getString("operator_grade"), rs.getBoolean("one_stop_eligible"), funding,
                rs.getString("site_code"));
    }
}
