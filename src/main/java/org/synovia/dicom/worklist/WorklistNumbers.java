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

    private final JdbcClient jdbc;
    private final DicomProperties properties;
    private final Clock clock;

    WorklistNumbers(JdbcClient jdbc, DicomProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The numbers of these appointments, made for those that have none yet: a fixed number of statements however
     * many appointments (one read; for new ones a sequence read, one insert and one read back).
     */
    Map<UUID, Numbers> ofAll(Collection<UUID> appointmentIds) {
        Map<UUID, Numbers> numbers = stored(appointmentIds);
        List<UUID> missing = appointmentIds.stream().filter(id -> !numbers.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return numbers;
        }
        List<Long> sequences = jdbc.sql("select nextval('worklist_accession_seq') from generate_series(1, ?)")
                .param(missing.size()).query(Long.class).list();
        String[] accessions = new String[missing.size()];
        String[] uids = new String[missing.size()];
        for (int i = 0; i < missing.size(); i++) {
            accessions[i] = accessionNumber(sequences.get(i));
            uids[i] = studyInstanceUid(missing.get(i), sequences.get(i));
        }
        jdbc.sql("""
                insert into worklist_step (appointment_id, accession_number, study_instance_uid, created_at)
                select n.appointment_id, n.accession_number, n.study_instance_uid, ?
                from unnest(?::uuid[], ?::varchar[], ?::varchar[]) as n (appointment_id, accession_number, study_instance_uid)
                on conflict (appointment_id) do nothing
                """).params(Timestamp.from(clock.instant()), missing.toArray(UUID[]::new), accessions, uids).update();
        // A concurrent query may have stored its numbers first; the stored ones are the ones.
        numbers.putAll(stored(missing));
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

    /** "SYN" and eight digits: 11 characters, within the 16 of VR SH. */
    static String accessionNumber(long sequence) {
        return String.format("SYN%08d", sequence);
    }

    /** Under 2.25 the appointment's UUID as a decimal (PS3.5 B.2); under an organisation's root, its sequence. */
    String studyInstanceUid(UUID appointmentId, long sequence) {
        if (properties.uidRoot().equals("2.25")) {
            BigInteger value = new BigInteger(1, java.nio.ByteBuffer.allocate(16)
                    .putLong(appointmentId.getMostSignificantBits()).putLong(appointmentId.getLeastSignificantBits()).array());
            return "2.25." + value;
        }
        return properties.uidRoot() + ".1." + sequence;
    }
}
