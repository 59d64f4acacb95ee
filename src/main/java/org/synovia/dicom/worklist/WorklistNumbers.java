package org.synovia.dicom.worklist;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
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

    Numbers of(UUID appointmentId) {
        var existing = jdbc.sql("select accession_number, study_instance_uid from worklist_step where appointment_id = ?")
                .param(appointmentId).query((rs, n) -> new Numbers(rs.getString(1), rs.getString(2))).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long sequence = jdbc.sql("select nextval('worklist_accession_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into worklist_step (appointment_id, accession_number, study_instance_uid, created_at)
                values (?, ?, ?, ?) on conflict (appointment_id) do nothing
                """).params(appointmentId, accessionNumber(sequence), studyInstanceUid(appointmentId, sequence),
                Timestamp.from(clock.instant())).update();
        // A concurrent query may have stored its numbers first; the stored ones are the ones.
        return jdbc.sql("select accession_number, study_instance_uid from worklist_step where appointment_id = ?")
                .param(appointmentId).query((rs, n) -> new Numbers(rs.getString(1), rs.getString(2))).single();
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
