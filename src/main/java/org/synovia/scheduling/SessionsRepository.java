package org.synovia.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.shared.Guidance;

@Repository
class SessionsRepository {

    private static final String SLOT_SELECT = """
            select s.*, r.name as room_name, r.location, r.guidance as room_guidance, o.username, o.display_name, o.grade
            from slot s join room r on r.id = s.room_id join operator o on o.id = s.operator_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SessionsRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insert(Room room, Instant at, String by) {
        jdbc.sql("insert into room (id, name, location, guidance, created_at, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(room.id(), room.name(), room.location(), names(room.guidance()), Timestamp.from(at), by).update();
    }

    void insert(Operator operator, Instant at, String by) {
        jdbc.sql("""
                insert into operator (id, username, display_name, grade, guidance, site_codes, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(operator.id(), operator.username(), operator.displayName(), operator.grade().name(),
                names(operator.guidance()), operator.siteCodes().isEmpty() ? null : String.join(",", operator.siteCodes()),
                Timestamp.from(at), by).update();
    }

    void insert(SessionTemplate t, Instant at, String by) {
        jdbc.sql("""
                insert into session_template (id, weekday, start_time, end_time, room_id, operator_id, slot_pattern, one_stop,
                    valid_from, valid_to, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(t.id(), t.weekday().getValue(), t.start(), t.end(), t.roomId(), t.operatorId(), t.patternText(),
                t.oneStop(), t.validFrom(), t.validTo(), Timestamp.from(at), by).update();
    }

    void insert(SessionException e, Instant at, String by) {
        jdbc.sql("""
                insert into session_exception (id, kind, room_id, operator_id, first_day, last_day, reason, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(e.id(), e.kind().name(), e.roomId(), e.operatorId(), e.firstDay(), e.lastDay(), e.reason(),
                Timestamp.from(at), by).update();
    }

    List<Room> rooms() {
        return jdbc.sql("select * from room order by name").query((rs, n) -> new Room(rs.getObject("id", UUID.class),
                rs.getString("name"), rs.getString("location"), guidance(rs.getString("guidance")))).list();
    }

    List<Operator> operators() {
        return jdbc.sql("select * from operator order by display_name").query(SessionsRepository::operator).list();
    }

    Optional<Operator> operatorByUsername(String username) {
        return jdbc.sql("select * from operator where lower(username) = lower(?)").param(username)
                .query(SessionsRepository::operator).optional();
    }

    List<SessionTemplate> templates() {
        return jdbc.sql("select * from session_template order by weekday, start_time").query((rs, n) -> new SessionTemplate(
                rs.getObject("id", UUID.class), DayOfWeek.of(rs.getInt("weekday")), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), rs.getObject("room_id", UUID.class),
                rs.getObject("operator_id", UUID.class), SessionTemplate.parsePattern(rs.getString("slot_pattern")),
                rs.getBoolean("one_stop"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class))).list();
    }

    List<SessionException> exceptions() {
        return jdbc.sql("select * from session_exception order by first_day desc").query((rs, n) -> new SessionException(
                rs.getObject("id", UUID.class), SessionException.Kind.valueOf(rs.getString("kind")),
                rs.getObject("room_id", UUID.class), rs.getObject("operator_id", UUID.class),
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                rs.getString("reason"))).list();
    }

    /** Inserts slots not yet there; returns how many were new. */
    int insertSlots(List<Object[]> rows) {
        int[][] counts = template.batchUpdate("""
                insert into slot (id, template_id, room_id, operator_id, starts_at, ends_at, one_stop)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (template_id, starts_at) do nothing
                """, rows, 500, (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).map(c -> Math.max(c, 0)).sum();
    }

    boolean endTemplate(UUID id, LocalDate lastDay) {
        return jdbc.sql("update session_template set valid_to = ? where id = ? and valid_from <= ? and (valid_to is null or valid_to > ?)")
                .params(lastDay, id, lastDay, lastDay).update() == 1;
    }

    int withdrawTemplateSlots(UUID templateId, Instant from, String reason) {
        return jdbc.sql("update slot set withdrawn_reason = ? where template_id = ? and starts_at >= ? and withdrawn_reason is null")
                .params(reason, templateId, Timestamp.from(from)).update();
    }

    int withdrawSlots(SessionException e, Instant from, Instant until) {
        return jdbc.sql("""
                update slot set withdrawn_reason = ? where withdrawn_reason is null and starts_at >= ? and starts_at < ?
                and (room_id = ? or operator_id = ?)
                """).params(e.reason(), Timestamp.from(from), Timestamp.from(until), e.roomId(), e.operatorId()).update();
    }

    Map<UUID, String> withdrawn(Collection<UUID> slotIds) {
        Map<UUID, String> reasons = new HashMap<>();
        jdbc.sql("select id, withdrawn_reason from slot where withdrawn_reason is not null and id = any(?)")
                .param(slotIds.toArray(UUID[]::new))
                .query((rs, n) -> reasons.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return reasons;
    }

    void lock(List<UUID> slotIds) {
        jdbc.sql("select id from slot where id = any(?) order by id for update").param(slotIds.toArray(UUID[]::new))
                .query(UUID.class).list();
    }

    Optional<Slot> following(Slot slot) {
        return jdbc.sql(SLOT_SELECT + " where s.template_id = ? and s.starts_at = ? and s.withdrawn_reason is null")
                .params(slot.templateId(), Timestamp.from(slot.end())).query(SessionsRepository::slot).optional();
    }

    List<Slot> slotsOf(UUID templateId, Instant from, Instant until) {
        return jdbc.sql(SLOT_SELECT + " where s.template_id = ? and s.starts_at >= ? and s.starts_at < ? order by s.starts_at")
                .params(templateId, Timestamp.from(from), Timestamp.from(until)).query(SessionsRepository::slot).list();
    }

    Optional<Slot> slot(UUID id) {
        return jdbc.sql(SLOT_SELECT + " where s.id = ?").param(id).query(SessionsRepository::slot).optional();
    }

    List<Slot> slots(Collection<UUID> ids) {
        return jdbc.sql(SLOT_SELECT + " where s.id = any(?)").param(ids.toArray(UUID[]::new)).query(SessionsRepository::slot)
                .list();
    }

    List<Slot> slotsBetween(Instant from, Instant until) {
        return jdbc.sql(SLOT_SELECT + " where s.starts_at >= ? and s.starts_at < ? order by s.starts_at, r.name")
                .params(Timestamp.from(from), Timestamp.from(until)).query(SessionsRepository::slot).list();
    }

    int withdrawBetween(UUID templateId, Instant from, Instant until, String reason) {
        return jdbc.sql("""
                update slot set withdrawn_reason = ?
                where template_id = ? and starts_at >= ? and starts_at < ? and withdrawn_reason is null
                """).params(reason, templateId, Timestamp.from(from), Timestamp.from(until)).update();
    }

    List<Slot> offeredBetween(Instant from, Instant until, Collection<UUID> roomIds) {
        return jdbc.sql(SLOT_SELECT + """
                 where s.withdrawn_reason is null and s.starts_at >= ? and s.starts_at < ? and s.room_id = any(?)
                 order by s.starts_at, r.name""")
                .params(Timestamp.from(from), Timestamp.from(until), roomIds.toArray(UUID[]::new))
                .query(SessionsRepository::slot).list();
    }

    /**
     * Open slots in a time range whose room has the guidance and whose operator is competent for it and for every
     * site of the session, at least as long as asked, earliest first. Grade and site are narrowed here in SQL; the rest in Java.
     */
    List<Slot> openSlots(SlotQuery q, Instant from, Instant until, java.time.ZoneId zone) {
        StringBuilder sql = new StringBuilder(SLOT_SELECT).append("""
                 where s.withdrawn_reason is null and s.starts_at >= ? and s.starts_at < ?
                 and s.ends_at - s.starts_at >= make_interval(mins => ?)
                 and ? = any(string_to_array(r.guidance, ',')) and ? = any(string_to_array(o.guidance, ','))
                 and (o.site_codes is null or string_to_array(o.site_codes, ',') @> ?::text[])
                """);
        // Competent for every target of the session, not the main one alone (HAZ-86).
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(until), q.minimumMinutes(),
                q.guidance().name(), q.guidance().name(), q.siteCodes()));
        if (q.namedOperator() != null) {
            sql.append(" and lower(o.username) = lower(?)");
            params.add(q.namedOperator());
        }
        if (q.operatorGrade() != null) {
            sql.append(" and (o.grade = 'CONSULTANT' or o.grade = ?)");
            params.add(q.operatorGrade());
        }
        if (q.awayFrom() != null) {
            // Not on a day the patient is away, in the clinic's days: a capped search then counts only slots that fit.
            sql.append(" and (s.starts_at at time zone ?)::date not between ? and ?");
            params.add(zone.getId());
            params.add(q.awayFrom());
            params.add(q.awayTo());
        }
        sql.append(" order by s.starts_at, r.name");
        return jdbc.sql(sql.toString()).params(params).query(SessionsRepository::slot).list();
    }

    private static Slot slot(ResultSet rs, int n) throws SQLException {
        return new Slot(rs.getObject("id", UUID.class), rs.getObject("template_id", UUID.class),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("one_stop"),
                rs.getObject("room_id", UUID.class), rs.getString("room_name"), rs.getString("location"),
                guidance(rs.getString("room_guidance")), rs.getObject("operator_id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), OperatorGrade.valueOf(rs.getString("grade")), rs.getString("withdrawn_reason"));
    }

    private static Operator operator(ResultSet rs, int n) throws SQLException {
        String sites = rs.getString("site_codes");
        return new Operator(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                OperatorGrade.valueOf(rs.getString("grade")), guidance(rs.getString("guidance")),
                sites == null ? Set.of() : Set.of(sites.split(",")));
    }

    private static String names(Set<Guidance> guidance) {
        return guidance.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Guidance> guidance(String names) {
        Set<Guidance> set = EnumSet.noneOf(Guidance.class);
        for (String name : names.split(",")) {
            set.add(Guidance.valueOf(name));
        }
        return set;
    }
}
