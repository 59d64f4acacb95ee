package org.synovia.diary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.referral.Intent;

/** Plain SQL over the diary tables of V25. */
@Repository
class DiaryRepository {

    private final JdbcClient jdbc;

    DiaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An episode as stored; the link token itself is never stored, only its SHA-256. */
    record Episode(UUID id, UUID appointmentId, UUID referralId, UUID patientId, Intent intent, Instant injectedAt,
            int baselinePain, int thresholdPercent, Instant expiresAt, Instant startedAt, Instant closedAt,
            boolean diabetic) {

        boolean openAt(Instant now) {
            return closedAt == null && now.isBefore(expiresAt);
        }

        DiaryReading.Episode facts() {
            return new DiaryReading.Episode(appointmentId, referralId, patientId, intent, baselinePain, thresholdPercent);
        }

        int minutesAfterInjection(Instant at) {
            return (int) Math.max(0, java.time.Duration.between(injectedAt, at).toMinutes());
        }

        /** Glucose on days 1–7 for patients with diabetes (facts AF-07: check more often for 1–3 days, up to 7). */
        boolean asksGlucose(TimePoint point) {
            return diabetic && point.day() >= 1 && point.day() <= 7;
        }

        /** The point to fill at {@code now} (the latest one reached, if not yet written) and the next one. */
        Due due(List<DiaryReading.Entry> entries, List<TimePoint> points, Instant now) {
            int elapsed = minutesAfterInjection(now);
            java.util.Set<String> written = entries.stream().map(DiaryReading.Entry::timePoint)
                    .collect(java.util.stream.Collectors.toSet());
            Optional<TimePoint> reached = points.stream().filter(p -> p.minutesAfter() <= elapsed)
                    .max(java.util.Comparator.naturalOrder());
            TimePoint next = points.stream().filter(p -> p.minutesAfter() > elapsed).findFirst().orElse(null);
            return new Due(reached.filter(p -> !written.contains(p.code())), next);
        }

        /** The reading of this episode's entries, the one every page and the outcome figures share (ADR 0017). */
        DiaryReadingUpdated reading(List<DiaryReading.Entry> entries, int anaestheticWindowMinutes) {
            return DiaryReading.read(facts(), entries, anaestheticWindowMinutes);
        }
    }

    /** @param next null when no point is left */
    record Due(Optional<TimePoint> point, TimePoint next) {
    }

    /** False when the procedure already has an episode (the event came twice). */
    boolean insertEpisode(Episode e, byte[] tokenHash) {
        return jdbc.sql("""
                insert into diary_episode (id, appointment_id, referral_id, patient_id, intent, injected_at, baseline_pain,
                    relief_threshold_percent, token_hash, expires_at, started_at, diabetic)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (appointment_id) do nothing""")
                .params(e.id(), e.appointmentId(), e.referralId(), e.patientId(), e.intent().name(),
                        Timestamp.from(e.injectedAt()), e.baselinePain(), e.thresholdPercent(), tokenHash,
                        Timestamp.from(e.expiresAt()), Timestamp.from(e.startedAt()), e.diabetic())
                .update() == 1;
    }

    /** The episode a link opens: its first link, or one sent later in a reminder. */
    Optional<Episode> byTokenHash(byte[] tokenHash) {
        return jdbc.sql("select * from diary_episode where token_hash = ? "
                + "or id = (select episode_id from diary_link where token_hash = ?)")
                .params(tokenHash, tokenHash).query(this::episode).optional();
    }

    void insertLink(byte[] tokenHash, UUID episodeId, Instant at) {
        jdbc.sql("insert into diary_link (token_hash, episode_id, issued_at) values (?, ?, ?)")
                .params(tokenHash, episodeId, Timestamp.from(at)).update();
    }

    /** Gives the episode a new first link and drops every later one: the patient's earlier links stop working. */
    void replaceLinks(UUID episodeId, byte[] tokenHash) {
        jdbc.sql("update diary_episode set token_hash = ? where id = ?").params(tokenHash, episodeId).update();
        jdbc.sql("delete from diary_link where episode_id = ?").param(episodeId).update();
    }

    Optional<Episode> byId(UUID episodeId) {
        return jdbc.sql("select * from diary_episode where id = ?").param(episodeId).query(this::episode).optional();
    }

    Optional<Episode> byAppointment(UUID appointmentId) {
        return jdbc.sql("select * from diary_episode where appointment_id = ?").param(appointmentId).query(this::episode)
                .optional();
    }

    /** Locks the episode, so that two entries sent at once for one time point queue rather than race. */
    Optional<Episode> lock(UUID episodeId) {
        return jdbc.sql("select * from diary_episode where id = ? for update").param(episodeId).query(this::episode).optional();
    }

    /** Episodes whose link still works. */
    List<Episode> open(Instant now) {
        return jdbc.sql("select * from diary_episode where closed_at is null and expires_at > ? order by injected_at")
                .param(Timestamp.from(now)).query(this::episode).list();
    }

    /** Expired episodes not yet closed, a batch at a time, so that a loaded database is closed over several runs. */
    List<Episode> dueForClosing(Instant now, int limit) {
        return jdbc.sql("select * from diary_episode where closed_at is null and expires_at <= ? order by expires_at limit ?")
                .params(Timestamp.from(now), limit).query(this::episode).list();
    }

    boolean close(UUID episodeId, Instant at) {
        return jdbc.sql("update diary_episode set closed_at = ? where id = ? and closed_at is null")
                .params(Timestamp.from(at), episodeId).update() == 1;
    }

    /**
     * Open episodes without a summary whose summary time has come (the intervals are per intent), a batch at a
     * time. A closed episode is never summarised automatically: a database filled with past diaries sends nothing.
     */
    List<Episode> dueForSummary(Instant diagnosticBefore, Instant therapeuticBefore, int limit) {
        return jdbc.sql("""
                select e.* from diary_episode e where e.closed_at is null
                and not exists (select 1 from diary_summary s where s.episode_id = e.id)
                and ((e.intent = 'DIAGNOSTIC' and e.injected_at <= ?) or (e.intent = 'THERAPEUTIC' and e.injected_at <= ?))
                order by e.injected_at limit ?""")
                .params(Timestamp.from(diagnosticBefore), Timestamp.from(therapeuticBefore), limit).query(this::episode)
                .list();
    }

    void insertEntry(UUID id, UUID episodeId, DiaryReading.Entry e) {
        jdbc.sql("""
                insert into diary_entry (id, episode_id, time_point, minutes_after, recorded_at, pain_now, pain_worst_day,
                    pgic, side_effects, glucose_mmol_l, red_flags) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, episodeId, e.timePoint(), e.minutesAfter(), Timestamp.from(e.recordedAt()), e.painNow(),
                        e.painWorstDay(), e.pgic(), e.sideEffects(), e.glucoseMmolL(), e.redFlags())
                .update();
    }

    List<DiaryReading.Entry> entries(UUID episodeId) {
        return jdbc.sql("select * from diary_entry where episode_id = ? order by minutes_after").param(episodeId)
                .query((rs, n) -> new DiaryReading.Entry(rs.getString("time_point"), rs.getInt("minutes_after"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getInt("pain_now"),
                        rs.getObject("pain_worst_day", Integer.class), rs.getObject("pgic", Integer.class),
                        rs.getString("side_effects"), rs.getBigDecimal("glucose_mmol_l"), rs.getString("red_flags")))
                .list();
    }

    void insertAlert(UUID id, UUID episodeId, UUID entryId, String redFlags, Instant at) {
        jdbc.sql("insert into diary_alert (id, episode_id, entry_id, red_flags, raised_at) values (?, ?, ?, ?, ?)")
                .params(id, episodeId, entryId, redFlags, Timestamp.from(at)).update();
    }

    /** An alert with what the page needs to name the patient's procedure; the patient's name comes from its façade. */
    record AlertRow(UUID id, UUID episodeId, UUID appointmentId, UUID patientId, String timePoint, String redFlags,
            Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, String actionTaken) {
    }

    List<AlertRow> alerts(boolean openOnly, UUID episodeId, int limit) {
        return jdbc.sql("""
                select a.*, e.appointment_id, e.patient_id, n.time_point from diary_alert a
                join diary_episode e on e.id = a.episode_id join diary_entry n on n.id = a.entry_id
                where (not ? or a.acknowledged_at is null) and (cast(? as uuid) is null or a.episode_id = ?)
                order by a.acknowledged_at is not null, a.raised_at desc limit ?""")
                .params(openOnly, episodeId, episodeId, limit)
                .query((rs, n) -> new AlertRow(rs.getObject("id", UUID.class), rs.getObject("episode_id", UUID.class),
                        rs.getObject("appointment_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getString("time_point"), rs.getString("red_flags"), instant(rs, "raised_at"),
                        instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), rs.getString("action_taken")))
                .list();
    }

    int openAlertCount() {
        return jdbc.sql("select count(*) from diary_alert where acknowledged_at is null").query(Integer.class).single();
    }

    boolean acknowledge(UUID alertId, Instant at, String by, String action) {
        return jdbc.sql("update diary_alert set acknowledged_at = ?, acknowledged_by = ?, action_taken = ? "
                + "where id = ? and acknowledged_at is null").params(Timestamp.from(at), by, action, alertId).update() == 1;
    }

    Optional<UUID> alertPatient(UUID alertId) {
        return jdbc.sql("select e.patient_id from diary_alert a join diary_episode e on e.id = a.episode_id where a.id = ?")
                .param(alertId).query(UUID.class).optional();
    }

    /** Records that a reminder for this time point went; false when one already had. */
    boolean markReminded(UUID episodeId, String timePoint, Instant at) {
        return jdbc.sql("insert into diary_reminder (episode_id, time_point, sent_at) values (?, ?, ?) on conflict do nothing")
                .params(episodeId, timePoint, Timestamp.from(at)).update() == 1;
    }

    /** False when a summary was already written (the job ran twice). */
    boolean insertSummary(UUID episodeId, String text, Instant at, String sentTo) {
        return jdbc.sql("insert into diary_summary (episode_id, summary_text, written_at, sent_to) values (?, ?, ?, ?) "
                + "on conflict do nothing").params(episodeId, text, Timestamp.from(at), sentTo).update() == 1;
    }

    record SummaryRow(String text, Instant writtenAt, String sentTo) {
    }

    Optional<SummaryRow> summary(UUID episodeId) {
        return jdbc.sql("select * from diary_summary where episode_id = ?").param(episodeId)
                .query((rs, n) -> new SummaryRow(rs.getString("summary_text"), instant(rs, "written_at"),
                        rs.getString("sent_to"))).optional();
    }

    List<SentSummary> sentSummaries(java.util.Collection<UUID> appointmentIds) {
        return jdbc.sql("""
                select e.appointment_id, e.referral_id, e.patient_id, s.episode_id, s.written_at, s.summary_text, s.sent_to
                from diary_summary s join diary_episode e on e.id = s.episode_id
                where e.appointment_id = any(?) order by s.written_at
                """)
                .param(appointmentIds.stream().distinct().toArray(UUID[]::new))
                .query((rs, n) -> new SentSummary(rs.getObject("appointment_id", UUID.class),
                        rs.getObject("referral_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getObject("episode_id", UUID.class), instant(rs, "written_at"), rs.getString("summary_text"),
                        rs.getString("sent_to")))
                .list();
    }

    private Episode episode(ResultSet rs, int n) throws SQLException {
        return new Episode(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
                rs.getObject("referral_id", UUID.class), rs.getObject("patient_id", UUID.class),
                Intent.valueOf(rs.getString("intent")), instant(rs, "injected_at"), rs.getInt("baseline_pain"),
                rs.getInt("relief_threshold_percent"), instant(rs, "expires_at"), instant(rs, "started_at"),
                instant(rs, "closed_at"), rs.getBoolean("diabetic"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
