package org.synovia.dicom.worklist;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.dicom.DicomProperties;

/**
 * The accession number and Study Instance UID of an appointment, made the first time a modality sees it
 * and kept from then on, so that every query and every image of that appointment carry the same ones
 * (ADR 0025). A moved appointment is a new appointment, with new numbers.
 */
@Repository
class WorklistNumbers {

    record Numbers(String accessionNumber, String studyInstanceUid) {
    }

    private static final String UUID_ROOT = "2.25";

    private final JdbcClient jdbc;
    private final DicomProperties properties;
    private final Clock clock;

    WorklistNumbers(JdbcClient jdbc, DicomProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The numbers of these appointments, made for those that have none yet: one read, and for new ones one insert
     * that draws their sequence numbers and returns what it stored (ADR 0098), however many appointments.
     */
    Map<UUID, Numbers> ofAll(Collection<UUID> appointmentIds) {
        Map<UUID, Numbers> numbers = stored(appointmentIds);
        List<UUID> missing = appointmentIds.stream().filter(id -> !numbers.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return numbers;
        }
        boolean uuidDerived = properties.uidRoot().equals(UUID_ROOT);
        String[] uids = missing.stream().map(id -> uuidDerived ? uuidDerivedUid(id) : null).toArray(String[]::new);
        jdbc.sql("""
                insert into worklist_step (appointment_id, accession_number, study_instance_uid, created_at)
                select n.appointment_id, 'SYN' || lpad(n.sequence::text, greatest(8, length(n.sequence::text)), '0'),
                       coalesce(n.uid, ? || '.1.' || n.sequence), ?
                from (select m.appointment_id, m.uid, nextval('worklist_accession_seq') as sequence
                      from unnest(?::uuid[], ?::varchar[]) as m (appointment_id, uid)) as n
                on conflict (appointment_id) do nothing
                returning appointment_id, accession_number, study_instance_uid
                """).params(properties.uidRoot(), Timestamp.from(clock.instant()), missing.toArray(UUID[]::new), uids)
                .query(rs -> {
                    numbers.put(rs.getObject(1, UUID.class), new Numbers(rs.getString(2), rs.getString(3)));
                });
        if (numbers.size() < appointmentIds.stream().distinct().count()) {
            // A concurrent query stored some first; the stored ones are the ones.
            numbers.putAll(stored(missing.stream().filter(id -> !numbers.containsKey(id)).toList()));
        }
        return numbers;
    }

    private Map<UUID, Numbers> stored(Collection<UUID> appointmentIds) {
        Map<UUID, Numbers> numbers = new HashMap<>();
        if (appointmentIds.isEmpty()) {
            return numbers;
        }
        jdbc.sql("select appointment_id, accession_number, study_instance_uid from worklist_step where appointment_id = any(?)")
                .param(appointmentIds.toArray(UUID[]::new))
                .query(rs -> {
                    numbers.put(rs.getObject(1, UUID.class), new Numbers(rs.getString(2), rs.getString(3)));
                });
        return numbers;
    }

    /** The appointment a modality's accession number stands for. */
    java.util.Optional<UUID> appointmentFor(String accessionNumber) {
        return jdbc.sql("select appointment_id from worklist_step where accession_number = ?").param(accessionNumber)
                .query(UUID.class).optional();
    }

    /** Under 2.25 the appointment's UUID as a decimal (PS3.5 B.2); under another root the insert uses its sequence. */
    private static String uuidDerivedUid(UUID appointmentId) {
        BigInteger value = new BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(appointmentId.getMostSignificantBits()).putLong(appointmentId.getLeastSignificantBits()).array());
        return UUID_ROOT + "." + value;
    }
}
