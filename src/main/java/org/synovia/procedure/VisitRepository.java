package org.synovia.procedure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VisitRepository {

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the patient was already checked in (the primary key refuses a second row). */
    boolean arrive(UUID appointmentId, UUID referralId, UUID patientId, Instant at, String by, String identifiedBy) {
        return jdbc.sql("""
                insert into procedure_visit (appointment_id, referral_id, patient_id, status, arrived_at, arrived_by, identified_by)
                values (?, ?, ?, 'ARRIVED', ?, ?, ?) on conflict (appointment_id) do nothing""")
                .params(appointmentId, referralId, patientId, Timestamp.from(at), by, identifiedBy).update() == 1;
    }

    boolean intoRoom(UUID appointmentId, Instant at, String by) {
        return jdbc.sql("update procedure_visit set status = 'IN_ROOM', in_room_at = ?, in_room_by = ? "
                + "where appointment_id = ? and status = 'ARRIVED'")
                .params(Timestamp.from(at), by, appointmentId).update() == 1;
    }

    Map<UUID, VisitStatus> statuses(Collection<UUID> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select appointment_id, status from procedure_visit where appointment_id = any(?)")
                .param(appointmentIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), VisitStatus.valueOf(rs.getString(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
