package org.synovia.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.shared.GenericPlans;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

@Repository
class AppointmentRepository {

    private static final String SELECT = "select *, lower(during) as starts_at, upper(during) as ends_at from appointment";

    private final JdbcClient jdbc;

    AppointmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Appointment a) {
        jdbc.sql("""
                insert into appointment (id, referral_id, patient_id, slot_id, linked_slot_id, room_id, operator_id, during, status,
                    medication_plan, booked_at, booked_by)
                values (?, ?, ?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), ?, ?, ?, ?)
                """).params(a.id(), a.referralId(), a.patientId(), a.slotId(), a.linkedSlotId(), a.roomId(), a.operatorId(),
                Timestamp.from(a.start()), Timestamp.from(a.end()), a.status().name(), a.medicationPlan(),
                Timestamp.from(a.bookedAt()), a.bookedBy()).update();
    }

    /** Ends an active appointment; false when it was no longer active (someone else got there first). */
    boolean end(UUID id, AppointmentStatus status, Instant at, String by, String reason, UUID replacedBy) {
        return jdbc.sql("""
                update appointment set status = ?, ended_at = ?, ended_by = ?, end_reason = ?, replaced_by = ?
                where id = ? and status = 'BOOKED'
                """).params(status.name(), Timestamp.from(at), by, reason, replacedBy, id).update() == 1;
    }

    /** Sets the link of a booked appointment; the row lock makes a concurrent cancel wait for this transaction. */
    boolean setPatientLinkHash(UUID id, String hash) {
        return jdbc.sql("update appointment set patient_link_hash = ? where id = ? and status = 'BOOKED'").params(hash, id)
                .update() == 1;
    }

    Optional<Appointment> byPatientLinkHash(String hash) {
        return jdbc.sql(SELECT + " where patient_link_hash = ?").param(hash).query(AppointmentRepository::appointment)
                .optional();
    }

    /** Slots freed by a cancellation, a move or a missed appointment that nobody holds now, from {@code from}. */
    List<UUID> freedSlots(Instant from) {
        return jdbc.sql("""
                select a.slot_id from appointment a
                where a.status in ('CANCELLED', 'RESCHEDULED') and lower(a.during) > ?
                  and not exists (select 1 from appointment b where b.slot_id = a.slot_id and b.status = 'BOOKED')
                group by a.slot_id order by min(lower(a.during))
                """).param(Timestamp.from(from)).query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    /** A booking link, limited to these slots when {@code offeredSlotIds} is given (a link sent from a plan). */
    void insertInvitation(UUID id, UUID referralId, UUID patientId, Instant at, String by, Instant expires, UUID slotId,
            List<UUID> offeredSlotIds) {
        jdbc.sql("""
                insert into booking_invitation (id, referral_id, patient_id, created_at, created_by, expires_at, slot_id,
                    offered_slot_ids)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, referralId, patientId, Timestamp.from(at), by, Timestamp.from(expires), slotId,
                        offeredSlotIds == null ? null : offeredSlotIds.toArray(UUID[]::new)).update();
    }

    /** Stores the offer of a cancelled appointment's slot; false when that cancellation was already offered. */
    boolean insertFreedSlotOffer(UUID id, UUID referralId, UUID patientId, Instant at, String by, Instant expires, UUID slotId,
            UUID cancelledAppointmentId, String reason) {
        return jdbc.sql("""
                insert into booking_invitation (id, referral_id, patient_id, created_at, created_by, expires_at, slot_id,
                    offered_for_cancelled, offer_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (offered_for_cancelled) do nothing
                """).params(id, referralId, patientId, Timestamp.from(at), by, Timestamp.from(expires), slotId,
                        cancelledAppointmentId, reason).update() == 1;
    }

    /**
     * An open invitation: the referral it is for, and the one slot it offers or null for a free choice, or the few
     * slots a link from a plan offers (empty otherwise).
     */
    record OpenInvitation(UUID referralId, UUID slotId, List<UUID> offeredSlotIds) {
    }

    /** Sets the token of an unused, unexpired invitation once; false otherwise (a new link needs a new invitation). */
    boolean setInvitationToken(UUID id, String hash, Instant now) {
        return jdbc.sql("""
                update booking_invitation set token_hash = ?
                where id = ? and token_hash is null and used_at is null and expires_at > ?
                """).params(hash, id, Timestamp.from(now)).update() == 1;
    }

    /** Replaces the link of an unused, unexpired invitation, revoking its earlier link and code. */
    boolean replaceInvitationToken(UUID id, String hash, Instant now) {
        return jdbc.sql("""
                update booking_invitation set token_hash = ?, code_hash = null
                where id = ? and used_at is null and expires_at > ?
                """).params(hash, id, Timestamp.from(now)).update() == 1;
    }

    /** Replaces the printed code (and link) of an unused, unexpired invitation. */
    boolean replaceInvitationCode(UUID id, String codeHash, Instant now) {
        return jdbc.sql("""
                update booking_invitation set code_hash = ?, token_hash = null
                where id = ? and used_at is null and expires_at > ?
                """).params(codeHash, id, Timestamp.from(now)).update() == 1;
    }

    /** Gives the open invitation with this code a fresh link; false when there is none. */
    boolean setTokenForCode(String codeHash, String tokenHash, Instant now) {
        return jdbc.sql("""
                update booking_invitation set token_hash = ?
                where code_hash = ? and used_at is null and expires_at > ?
                """).params(tokenHash, codeHash, Timestamp.from(now)).update() == 1;
    }

    /** An unused, unexpired invitation, locked until this transaction ends. */
    Optional<OpenInvitation> openInvitation(String hash, Instant now) {
        return jdbc.sql("""
                select referral_id, slot_id, offered_slot_ids from booking_invitation
                where token_hash = ? and used_at is null and expires_at > ?
                for update
                """).params(hash, Timestamp.from(now)).query((rs, n) -> new OpenInvitation(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), uuids(rs.getArray(3)))).optional();
    }

    private static List<UUID> uuids(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    /** The invitation this link is, whatever its state. */
    Optional<OpenInvitation> invitationByHash(String hash) {
        return jdbc.sql("select referral_id, slot_id, offered_slot_ids from booking_invitation where token_hash = ?")
                .param(hash).query((rs, n) -> new OpenInvitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        uuids(rs.getArray(3)))).optional();
    }

    /** The appointment a used, unexpired invitation booked (or was changed to), locked until this transaction ends. */
    Optional<UUID> usedInvitationAppointment(String hash, Instant now) {
        return jdbc.sql("""
                select appointment_id from booking_invitation
                where token_hash = ? and used_at is not null and appointment_id is not null and expires_at > ?
                for update
                """).params(hash, Timestamp.from(now)).query((rs, n) -> rs.getObject(1, UUID.class)).optional();
    }

    /** The link now opens the appointment the patient changed to. */
    void moveInvitation(String hash, UUID appointmentId) {
        jdbc.sql("update booking_invitation set appointment_id = ? where token_hash = ?").params(appointmentId, hash).update();
    }

    void useInvitation(String hash, Instant at, UUID appointmentId) {
        jdbc.sql("update booking_invitation set used_at = ?, appointment_id = ? where token_hash = ?")
                .params(Timestamp.from(at), appointmentId, hash).update();
    }

    void setReplacedBy(UUID id, UUID replacedBy) {
        jdbc.sql("update appointment set replaced_by = ? where id = ?").params(replacedBy, id).update();
    }

    void recordChange(UUID appointmentId, String action, Instant at, String by, String reason) {
        jdbc.sql("insert into appointment_change (appointment_id, action, occurred_at, changed_by, reason) values (?, ?, ?, ?, ?)")
                .params(appointmentId, action, Timestamp.from(at), by, reason).update();
    }

    List<AppointmentChange> changes(UUID appointmentId) {
        return jdbc.sql("select * from appointment_change where appointment_id = ? order by occurred_at, id")
                .param(appointmentId).query((rs, n) -> new AppointmentChange(rs.getString("action"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("changed_by"), rs.getString("reason")))
                .list();
    }

    Optional<Appointment> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(AppointmentRepository::appointment).optional();
    }

    List<Appointment> forReferral(UUID referralId) {
        return jdbc.sql(SELECT + " where referral_id = ? order by booked_at").param(referralId)
                .query(AppointmentRepository::appointment).list();
    }

    List<Appointment> forReferrals(Collection<UUID> referralIds) {
        return jdbc.sql(SELECT + " where referral_id = any(?) order by booked_at, id")
                .param(referralIds.stream().distinct().toArray(UUID[]::new)).query(AppointmentRepository::appointment).list();
    }

    /** How many appointments are booked in the period: the appointments list's "of N". */
    long countBookedBetween(Instant from, Instant until) {
        return jdbc.sql("select count(*) from appointment where status = 'BOOKED' and during && tstzrange(?, ?)")
                .params(Timestamp.from(from), Timestamp.from(until)).query(Long.class).single();
    }

    List<Appointment> activeBetween(Instant from, Instant until) {
        return jdbc.sql(SELECT + " where status = 'BOOKED' and during && tstzrange(?, ?) order by lower(during)")
                .params(Timestamp.from(from), Timestamp.from(until)).query(AppointmentRepository::appointment).list();
    }

    /**
     * Booked appointments in the period whose slot was withdrawn, earliest first, each with the slot's reason: read
     * from the withdrawn slots, not from every booking of the period (ADR 0120).
     */
    Map<Appointment, String> inWithdrawnSlots(Instant from, Instant until) {
        Map<Appointment, String> withdrawn = new LinkedHashMap<>();
        jdbc.sql("""
                select a.*, lower(a.during) as starts_at, upper(a.during) as ends_at, sl.withdrawn_reason
                from slot sl join appointment a on a.slot_id = sl.id
                where sl.withdrawn_reason is not null and a.status = 'BOOKED' and a.during && tstzrange(?, ?)
                order by lower(a.during), a.id
                """).params(Timestamp.from(from), Timestamp.from(until))
                .query(rs -> {
                    withdrawn.put(appointment(rs, 0), rs.getString("withdrawn_reason"));
                });
        return withdrawn;
    }

    /** Appointments booked or missed in the period (the day list shows both). */
    List<Appointment> bookedOrMissedBetween(Instant from, Instant until) {
        return jdbc.sql(SELECT + " where status in ('BOOKED', 'DID_NOT_ATTEND') and during && tstzrange(?, ?) order by lower(during), id")
                .params(Timestamp.from(from), Timestamp.from(until)).query(AppointmentRepository::appointment).list();
    }

    /**
     * Up to {@code limit} appointments booked or missed in the period, in one room and with one operator when given
     * (the appointment keeps its slot's room and operator from booking; neither changes after), in the day list's order (start, then appointment id), after
     * {@code after} when given: one page of the day list (ADR 0119).
     */
    Bookings.DayPage bookedOrMissedPage(Instant from, Instant until, UUID roomId, UUID operatorId, AppointmentCursor after,
            int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select a.*, lower(a.during) as starts_at, upper(a.during) as ends_at from appointment a")
                .append(dayWhere(from, until, roomId, operatorId, params));
        if (after != null) {
            sql.append(" and (lower(a.during), a.id) > (?, ?)");
            params.add(Timestamp.from(after.start()));
            params.add(after.appointmentId());
        }
        sql.append(" order by lower(a.during), a.id limit ?");
        params.add(limit);
        // The count shares the page's generic plan: planned anew on every view it cost twice its own run (ADR 0122).
        return GenericPlans.read(jdbc, () -> {
            List<Appointment> page = jdbc.sql(sql.toString()).params(params).query(AppointmentRepository::appointment).list();
            // A short first page is the whole list: no count to ask for.
            return new Bookings.DayPage(page, after == null && page.size() < limit ? page.size()
                    : countBookedOrMissed(from, until, roomId, operatorId));
        });
    }

    /** How many appointments {@link #bookedOrMissedPage} pages through. */
    private long countBookedOrMissed(Instant from, Instant until, UUID roomId, UUID operatorId) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select count(*) from appointment a" + dayWhere(from, until, roomId, operatorId, params))
                .params(params).query(Long.class).single();
    }

    private static String dayWhere(Instant from, Instant until, UUID roomId, UUID operatorId, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where a.status in ('BOOKED', 'DID_NOT_ATTEND') and a.during && tstzrange(?, ?)");
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(until));
        if (roomId != null) {
            sql.append(" and a.room_id = ?");
            params.add(roomId);
        }
        if (operatorId != null) {
            sql.append(" and a.operator_id = ?");
            params.add(operatorId);
        }
        return sql.toString();
    }

    /**
     * The rooms and operators of the period's booked or missed appointments, each pair once, in the order of their
     * first appointment: the day list's choices, read without any patient's data. The appointment's own room and
     * operator (its slot's, kept from booking), so the day's rows are grouped before anything is joined.
     */
    List<RoomAndOperator> roomsAndOperators(Instant from, Instant until) {
        return GenericPlans.read(jdbc, () -> jdbc.sql("""
                select a.room_id, r.name as room_name, a.operator_id, o.display_name as operator_name
                from (select room_id, operator_id, min(lower(during)) as first from appointment
                      where status in ('BOOKED', 'DID_NOT_ATTEND') and during && tstzrange(?, ?)
                      group by room_id, operator_id) a
                join room r on r.id = a.room_id
                join operator o on o.id = a.operator_id
                order by a.first, r.name, o.display_name
                """).params(Timestamp.from(from), Timestamp.from(until))
                .query((rs, n) -> new RoomAndOperator(rs.getObject("room_id", UUID.class), rs.getString("room_name"),
                        rs.getObject("operator_id", UUID.class), rs.getString("operator_name"))).list());
    }

    Map<UUID, UUID> lastOperators(Collection<UUID> patientIds, Instant before) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> last = new java.util.HashMap<>();
        jdbc.sql("""
                select distinct on (patient_id) patient_id, operator_id from appointment
                where patient_id = any(?) and status = 'BOOKED' and lower(during) < ?
                order by patient_id, lower(during) desc
                """).params(patientIds.toArray(UUID[]::new), Timestamp.from(before))
                .query((rs, n) -> last.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        return last;
    }

    /** Which of these slots hold an active appointment. */
    Set<UUID> takenSlots(Collection<UUID> slotIds) {
        if (slotIds.isEmpty()) {
            return Set.of();
        }
        UUID[] ids = slotIds.toArray(UUID[]::new);
        return jdbc.sql("""
                select slot_id from appointment where status = 'BOOKED' and slot_id = any(?)
                union select linked_slot_id from appointment where status = 'BOOKED' and linked_slot_id = any(?)
                """).params(ids, ids).query((rs, n) -> rs.getObject(1, UUID.class)).list().stream()
                .collect(Collectors.toSet());
    }

    /**
     * Booked appointments with their patient, referral, accepted guidance, room and operator, in one statement
     * however many there are (ADR 0047). It reads the tables of the modules that own those facts, as the outcome
     * read model does (ADR 0019), because one façade call per appointment made the worklist slow.
     */
    List<BookedProcedure> bookedProcedures(BookedProcedureQuery query) {
        return bookedProcedures(query, null, 0);
    }

    /**
     * As above, at most {@code limit} (0: all) in the list's order (start, then appointment id), after {@code after}
     * when given: one page of the appointments list.
     */
    List<BookedProcedure> bookedProcedures(BookedProcedureQuery query, AppointmentCursor after, int limit) {
        boolean page = after != null || limit > 0;
        if (page && (query.roomIds() != null || query.guidances() != null || query.appointmentIds() != null
                || constrains(query.patientName()) || constrains(query.patientIdentifier()))) {
            throw new IllegalArgumentException("A page of booked procedures is of a period only, without other filters");
        }
        List<Object> params = new ArrayList<>();
        // A page picks its appointments first and joins only those: the joins are per row, the sort is not.
        String appointments = "appointment a";
        if (page) {
            params.addAll(List.of(Timestamp.from(query.from()), Timestamp.from(query.until())));
            StringBuilder picked = new StringBuilder(
                    "(select * from appointment a where a.status = 'BOOKED' and a.during && tstzrange(?, ?)");
            if (after != null) {
                picked.append(" and (lower(a.during), a.id) > (?, ?)");
                params.add(Timestamp.from(after.start()));
                params.add(after.appointmentId());
            }
            picked.append(" order by lower(a.during), a.id");
            if (limit > 0) {
                picked.append(" limit ?");
                params.add(limit);
            }
            appointments = picked.append(") a").toString();
        }
        params.addAll(List.of(Timestamp.from(query.from()), Timestamp.from(query.until())));
        StringBuilder sql = new StringBuilder("""
                select a.id, a.patient_id, lower(a.during) as starts_at, sl.room_id, r.name as room_name,
                       o.display_name as operator_name, v.guidance, f.site_code, site.name as site_name, f.laterality,
                       f.referrer_name, p.family_name, p.given_name, p.nhs_number, p.hospital_number, p.date_of_birth, p.sex
                from %s
                join slot sl on sl.id = a.slot_id
                join room r on r.id = sl.room_id
                join operator o on o.id = sl.operator_id
                join referral f on f.id = a.referral_id
                join patient p on p.id = a.patient_id
                left join injection_site site on site.code = f.site_code
                join lateral (select d.guidance from vetting_decision d
                              where d.referral_id = a.referral_id and d.outcome = 'ACCEPTED'
                              order by d.decided_at desc limit 1) v on true
                where a.status = 'BOOKED' and a.during && tstzrange(?, ?)
                """.formatted(appointments));
        if (query.roomIds() != null) {
            sql.append(" and sl.room_id = any(?)");
            params.add(query.roomIds().toArray(UUID[]::new));
        }
        if (query.guidances() != null) {
            sql.append(" and v.guidance = any(?)");
            params.add(query.guidances().stream().map(Enum::name).toArray(String[]::new));
        }
        if (query.appointmentIds() != null) {
            sql.append(" and a.id = any(?)");
            params.add(query.appointmentIds().toArray(UUID[]::new));
        }
        if (constrains(query.patientName())) {
            // İ is the one letter whose full lower case (ICU) is two characters; as I it stays one.
            sql.append(" and lower(replace(p.family_name || '^' || p.given_name, 'İ', 'I')) like ?");
            params.add(like(asciiLetters(query.patientName())));
        }
        if (constrains(query.patientIdentifier())) {
            sql.append(" and (btrim(p.hospital_number) like ? or p.nhs_number like ?)");
            params.add(like(query.patientIdentifier()));
            params.add(like(query.patientIdentifier()));
        }
        sql.append(" order by lower(a.during), a.id");
        Supplier<List<BookedProcedure>> read = () -> jdbc.sql(sql.toString()).params(params).query((rs, n) -> new BookedProcedure(rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
                rs.getObject("room_id", UUID.class), rs.getString("room_name"), rs.getString("operator_name"),
                Guidance.valueOf(rs.getString("guidance")), rs.getString("site_code"), rs.getString("site_name"),
                Laterality.valueOf(rs.getString("laterality")), rs.getString("referrer_name"), rs.getString("family_name"),
                rs.getString("given_name"), rs.getString("nhs_number"), rs.getString("hospital_number"),
                rs.getObject("date_of_birth", LocalDate.class), Sex.valueOf(rs.getString("sex")))).list();
        return page ? GenericPlans.read(jdbc, read) : read.get();
    }

    private static boolean constrains(String pattern) {
        return pattern != null && !pattern.isEmpty() && !pattern.chars().allMatch(c -> c == '*');
    }

    /** A {@code *}/{@code ?} pattern as a LIKE pattern, with LIKE's own wildcards and escape taken literally. */
    static String like(String pattern) {
        StringBuilder like = new StringBuilder(pattern.length() + 4);
        pattern.codePoints().forEach(c -> {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').appendCodePoint(c);
                default -> like.appendCodePoint(c);
            }
        });
        return like.toString();
    }

    /**
     * Lower case for ASCII letters; every other letter becomes {@code ?}, and so do i, k and s, which have
     * non-ASCII forms in another case (İ ı, K, ſ). PostgreSQL's lower() folds only what its locale knows, so this
     * keeps the filter a superset of Unicode case-insensitive matching; the caller's exact check does the rest.
     */
    static String asciiLetters(String pattern) {
        StringBuilder loose = new StringBuilder(pattern.length());
        pattern.codePoints().forEach(c -> {
            int lower = c < 128 ? Character.toLowerCase(c) : c;
            boolean exact = c < 128 && (!Character.isLetter(c) || "iks".indexOf(lower) < 0);
            loose.appendCodePoint(exact ? lower : '?');
        });
        return loose.toString();
    }

    private static Appointment appointment(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getObject("slot_id", UUID.class),
                rs.getObject("linked_slot_id", UUID.class), rs.getObject("room_id", UUID.class),
                rs.getObject("operator_id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), AppointmentStatus.valueOf(rs.getString("status")),
                rs.getString("medication_plan"), rs.getTimestamp("booked_at").toInstant(), rs.getString("booked_by"),
                ended == null ? null : ended.toInstant(), rs.getString("ended_by"), rs.getString("end_reason"),
                rs.getObject("replaced_by", UUID.class));
    }

}
