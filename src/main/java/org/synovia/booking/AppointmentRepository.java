package org.synovia.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

    void insertInvitation(UUID id, UUID referralId, UUID patientId, Instant at, String by, Instant expires, UUID slotId) {
        jdbc.sql("""
                insert into booking_invitation (id, referral_id, patient_id, created_at, created_by, expires_at, slot_id)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(id, referralId, patientId, Timestamp.from(at), by, Timestamp.from(expires), slotId).update();
    }

    /** Stores the offer of a cancelled appointment's slot; false when that cancellation was already offered. */
    boolean insertFreedSlotOffer(UUID id, UUID referralId, UUID patientId, Instant at, String by, Instant expires, UUID slotId,
            UUID cancelledAppointmentId) {
        return jdbc.sql("""
                insert into booking_invitation (id, referral_id, patient_id, created_at, created_by, expires_at, slot_id,
                    offered_for_cancelled)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (offered_for_cancelled) do nothing
                """).params(id, referralId, patientId, Timestamp.from(at), by, Timestamp.from(expires), slotId,
                        cancelledAppointmentId).update() == 1;
    }

    /** An open invitation: the referral it is for, and the one slot it offers or null for a free choice. */
    record OpenInvitation(UUID referralId, UUID slotId) {
    }

    /** Sets the token of an unused, unexpired invitation once; false otherwise (a new link needs a new invitation). */
    boolean setInvitationToken(UUID id, String hash, Instant now) {
        return jdbc.sql("""
                update booking_invitation set token_hash = ?
                where id = ? and token_hash is null and used_at is null and expires_at > ?
                """).params(hash, id, Timestamp.from(now)).update() == 1;
    }

    /** An unused, unexpired invitation, locked until this transaction ends. */
    Optional<OpenInvitation> openInvitation(String hash, Instant now) {
        return jdbc.sql("""
                select referral_id, slot_id from booking_invitation where token_hash = ? and used_at is null and expires_at > ?
                for update
                """).params(hash, Timestamp.from(now)).query((rs, n) -> new OpenInvitation(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class))).optional();
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

    List<Appointment> activeBetween(Instant from, Instant until) {
        return jdbc.sql(SELECT + " where status = 'BOOKED' and during && tstzrange(?, ?) order by lower(during)")
                .params(Timestamp.from(from), Timestamp.from(until)).query(AppointmentRepository::appointment).list();
    }

    /** Appointments booked or missed in the period (the day list shows both). */
    List<Appointment> bookedOrMissedBetween(Instant from, Instant until) {
        return jdbc.sql(SELECT + " where status in ('BOOKED', 'DID_NOT_ATTEND') and during && tstzrange(?, ?) order by lower(during)")
                .params(Timestamp.from(from), Timestamp.from(until)).query(AppointmentRepository::appointment).list();
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
