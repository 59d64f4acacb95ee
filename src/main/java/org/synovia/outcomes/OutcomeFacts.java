package org.synovia.outcomes;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.synovia.diary.DiaryProperties;
import org.synovia.diary.DiaryReading;
import org.synovia.diary.DiaryReadingUpdated;
import org.synovia.referral.Intent;

/**
 * The {@code outcome_fact} read model (ADR 0019). The procedure columns come from one SQL select over the
 * signed records and what led to them, used for a single procedure and for a whole rebuild alike; the diary
 * columns come from {@link DiaryReading}, the diary's own arithmetic, never from a second copy of it here.
 */
@Repository
class OutcomeFacts {

    /** Immediate complications recorded as one of these words mean none. */
    static final String NO_COMPLICATION_SQL = "'^(none|nil|no|nil immediate|none immediate|no complications|no immediate complications)\\.?$'";

    private static final String PROCEDURE_COLUMNS = "appointment_id, referral_id, procedure_at, procedure_date, site_code,"
            + " laterality, guidance, drug, drug_class, operator, intent, referral_received_at, vetted_at, booked_at,"
            + " waiting_standard, breach_date, breached, complication, days_to_vetting, days_vetting_to_booking,"
            + " days_booking_to_procedure, days_referral_to_procedure";

    private static final String PROCEDURE_SELECT = """
            select r.appointment_id, r.referral_id, lower(a.during) as procedure_at,
                   (lower(a.during) at time zone :zone)::date as procedure_date, ref.site_code, ref.laterality, r.guidance,
                   coalesce(d.drug, 'None recorded') as drug, coalesce(d.drug_class, 'OTHER') as drug_class, r.operator,
                   ref.intent, ref.submitted_at as referral_received_at, v.decided_at as vetted_at, a.booked_at,
                   w.standard as waiting_standard, w.breach_date,
                   coalesce((lower(a.during) at time zone :zone)::date > w.breach_date, false) as breached,
                   not (lower(btrim(r.complications)) ~ %s) as complication, r.pain_before,
                   (v.decided_at at time zone :zone)::date - (ref.submitted_at at time zone :zone)::date as days_to_vetting,
                   (a.booked_at at time zone :zone)::date - (v.decided_at at time zone :zone)::date as days_vetting_to_booking,
                   (lower(a.during) at time zone :zone)::date - (a.booked_at at time zone :zone)::date as days_booking_to_procedure,
                   (lower(a.during) at time zone :zone)::date - (ref.submitted_at at time zone :zone)::date as days_referral_to_procedure
            from procedure_record r
            join appointment a on a.id = r.appointment_id
            join referral ref on ref.id = r.referral_id
            left join waiting_list_entry w on w.referral_id = r.referral_id
            left join lateral (select vd.decided_at from vetting_decision vd
                               where vd.referral_id = r.referral_id and vd.outcome = 'ACCEPTED'
                               order by vd.decided_at desc limit 1) v on true
            left join lateral (select %s as drug, %s as drug_class from procedure_drug pd
                               where pd.appointment_id = r.appointment_id
                               order by %s, pd.position limit 1) d on true
            where r.signed_at is not null
            """.formatted(NO_COMPLICATION_SQL, DrugClass.substanceSql("pd.product"), DrugClass.classSql("pd.product"),
            DrugClass.rankSql("pd.product"));

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final DiaryProperties diary;

    OutcomeFacts(JdbcClient jdbc, DataSource dataSource, Clock clock, DiaryProperties diary) {
        this.diary = diary;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Writes (or refreshes) the procedure columns of one signed procedure; the diary columns stay. */
    void refreshProcedure(UUID appointmentId) {
        jdbc.sql("insert into outcome_fact (" + PROCEDURE_COLUMNS + ", baseline_pain, refreshed_at) select "
                + PROCEDURE_COLUMNS + ", pain_before, :now from (" + PROCEDURE_SELECT + " and r.appointment_id = :id) p"
                + " on conflict (appointment_id) do update set " + updateAll(PROCEDURE_COLUMNS)
                + ", baseline_pain = coalesce(outcome_fact.baseline_pain, excluded.baseline_pain), refreshed_at = excluded.refreshed_at")
                .param("zone", clock.getZone().getId()).param("id", appointmentId)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** Stores a diary's reading on its procedure's row; false when the procedure is not (yet) a signed one. */
    boolean applyReading(DiaryReadingUpdated r) {
        return jdbc.sql("""
                update outcome_fact set baseline_pain = :baseline, best_relief_percent = :best, diagnostic_positive = :positive,
                       responder_6w = :responder, relief_days = :days, relief_censored = :censored, red_flags = :flags,
                       diary_last_entry_at = :last, refreshed_at = :now
                where appointment_id = :id""")
                .param("baseline", r.baselinePain()).param("best", r.bestReliefPercent())
                .param("positive", r.diagnosticPositive()).param("responder", r.responderAtSixWeeks())
                .param("days", r.reliefDays()).param("censored", r.reliefDays() == null ? null : r.reliefCensored())
                .param("flags", r.redFlags()).param("last", r.lastEntryAt() == null ? null : Timestamp.from(r.lastEntryAt()))
                .param("now", Timestamp.from(clock.instant())).param("id", r.appointmentId()).update() == 1;
    }

    /**
     * Empties and refills the whole table in the caller's transaction: every diary is read by
     * {@link DiaryReading} into a temporary table (streamed, then copied in), then one insert joins it to the
     * procedure columns. Returns the number of rows written.
     */
    int rebuild() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        JdbcTemplate template = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
        template.execute("create temporary table outcome_reading (appointment_id uuid primary key, baseline_pain int,"
                + " best_relief_percent numeric(5, 1), diagnostic_positive boolean, responder_6w boolean, relief_days int,"
                + " relief_censored boolean, red_flags int, last_entry_at timestamptz) on commit drop");
        StringBuilder readings = readAllDiaries(template, diary.anaestheticWindowMinutes());
        org.synovia.outcomes.synthetic.PostgresCopy.copy(connection, "copy outcome_reading from stdin", readings);
        template.execute("analyze outcome_reading");
        // Not TRUNCATE: the application's database role has no right to it (ADR 0048).
        jdbc.sql("delete from outcome_fact").update();
        return jdbc.sql("insert into outcome_fact (" + PROCEDURE_COLUMNS + ", red_flags, baseline_pain, best_relief_percent,"
                + " diagnostic_positive, responder_6w, relief_days, relief_censored, diary_last_entry_at, refreshed_at) select "
                + prefixed("p", PROCEDURE_COLUMNS) + ", coalesce(o.red_flags, 0), coalesce(o.baseline_pain, p.pain_before),"
                + " o.best_relief_percent, o.diagnostic_positive, o.responder_6w, o.relief_days, o.relief_censored,"
                + " o.last_entry_at, :now from (" + PROCEDURE_SELECT + ") p"
                + " left join outcome_reading o on o.appointment_id = p.appointment_id")
                .param("zone", clock.getZone().getId()).param("now", Timestamp.from(clock.instant())).update();
    }

    /** Streams every entry grouped by episode and reads each episode as the diary does; one COPY line per episode. */
    private static StringBuilder readAllDiaries(JdbcTemplate template, int anaestheticWindowMinutes) {
        StringBuilder out = new StringBuilder();
        template.setFetchSize(20_000);
        var state = new Object() {
            UUID episode;
            DiaryReading.Episode facts;
            List<DiaryReading.Entry> entries = new ArrayList<>();

            void flush() {
                if (facts != null) {
                    line(out, DiaryReading.read(facts, entries, anaestheticWindowMinutes));
                }
                entries = new ArrayList<>();
            }
        };
        template.query("""
                select e.id, e.appointment_id, e.referral_id, e.patient_id, e.intent, e.baseline_pain,
                       e.relief_threshold_percent, n.time_point, n.minutes_after, n.recorded_at, n.pain_now, n.pain_worst_day,
                       n.pgic, n.red_flags
                from diary_episode e join diary_entry n on n.episode_id = e.id
                order by e.id, n.minutes_after""", rs -> {
            UUID episode = rs.getObject(1, UUID.class);
            if (!episode.equals(state.episode)) {
                state.flush();
                state.episode = episode;
                state.facts = new DiaryReading.Episode(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), Intent.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7));
            }
            Timestamp recorded = rs.getTimestamp(10);
            state.entries.add(new DiaryReading.Entry(rs.getString(8), rs.getInt(9),
                    recorded == null ? null : recorded.toInstant(), rs.getInt(11), rs.getObject(12, Integer.class),
                    rs.getObject(13, Integer.class), "", null, rs.getString(14)));
        });
        state.flush();
        return out;
    }

    private static void line(StringBuilder out, DiaryReadingUpdated r) {
        out.append(r.appointmentId()).append('\t').append(r.baselinePain()).append('\t').append(nullable(r.bestReliefPercent()))
                .append('\t').append(nullable(r.diagnosticPositive())).append('\t').append(nullable(r.responderAtSixWeeks()))
                .append('\t').append(nullable(r.reliefDays())).append('\t')
                .append(r.reliefDays() == null ? "\\N" : String.valueOf(r.reliefCensored())).append('\t').append(r.redFlags())
                .append('\t').append(r.lastEntryAt() == null ? "\\N" : r.lastEntryAt().toString()).append('\n');
    }

    private static String nullable(Object value) {
        return value == null ? "\\N" : value.toString();
    }

    private static String updateAll(String columns) {
        StringBuilder set = new StringBuilder();
        for (String c : columns.split(",")) {
            String column = c.strip();
            if (!column.equals("appointment_id")) {
                set.append(set.isEmpty() ? "" : ", ").append(column).append(" = excluded.").append(column);
            }
        }
        return set.toString();
    }

    private static String prefixed(String alias, String columns) {
        StringBuilder out = new StringBuilder();
        for (String c : columns.split(",")) {
            out.append(out.isEmpty() ? "" : ", ").append(alias).append('.').append(c.strip());
        }
        return out.toString();
    }

    /** When the newest row was refreshed, for the page's footnote; null when the table is empty. */
    Instant lastRefreshed() {
        // max() of no rows is one null row: optional() reads it as empty where single() would refuse it.
        return jdbc.sql("select max(refreshed_at) from outcome_fact").query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
    }
}
