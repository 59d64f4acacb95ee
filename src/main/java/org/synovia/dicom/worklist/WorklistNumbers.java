package org.synovia.dicom.worklist;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

    /**
     * Numbers kept at most: a year of a busy clinic's image-guided appointments, a few MB. Beyond it they are
     * forgotten all at once and read again.
     */
    static final int KEPT_AT_MOST = 20_000;

    private final JdbcClient jdbc;
    private final DicomProperties properties;
    private final Clock clock;
    /** Numbers seen committed, by appointment: they never change, so every instance may keep its own copy. */
    private final Map<UUID, Numbers> kept = new ConcurrentHashMap<>();

    WorklistNumbers(JdbcClient jdbc, DicomProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The numbers of these appointments, made for those that have none yet. Numbers this instance has seen
     * committed are kept and cost no statement; the others are read, and the missing ones made, in one statement
     * that draws their sequence numbers and returns what is stored (ADR 0098, ADR 0110), however many appointments.
     */
    Map<UUID, Numbers> ofAll(Collection<UUID> appointmentIds) {
        Map<UUID, Numbers> numbers = new HashMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : appointmentIds) {
            Numbers seen = kept.get(id);
            if (seen != null) {
                numbers.put(id, seen);
            } else if (!numbers.containsKey(id)) {
                unknown.add(id);
            }
        }
        List<UUID> wanted = unknown.stream().distinct().toList();
        if (wanted.isEmpty()) {
            return numbers;
        }
        boolean uuidDerived = properties.uidRoot().equals(UUID_ROOT);
        String[] uids = wanted.stream().map(id -> uuidDerived ? uuidDerivedUid(id) : null).toArray(String[]::new);
        Map<UUID, Numbers> found = new HashMap<>();
        // The stored ones as of the statement's start, and the missing ones made; only the missing draw a number.
        jdbc.sql("""
                with wanted as (select m.appointment_id, m.uid from unnest(?::uuid[], ?::varchar[]) as m (appointment_id, uid)),
                made as (
                    insert into worklist_step (appointment_id, accession_number, study_instance_uid, created_at)
                    select n.appointment_id, 'SYN' || lpad(n.sequence::text, greatest(8, length(n.sequence::text)), '0'),
                           coalesce(n.uid, ? || '.1.' || n.sequence), ?
                    from (select w.appointment_id, w.uid, nextval('worklist_accession_seq') as sequence
                          from wanted w
                          where not exists (select from worklist_step s where s.appointment_id = w.appointment_id)) as n
                    on conflict (appointment_id) do nothing
                    returning appointment_id, accession_number, study_instance_uid)
                select appointment_id, accession_number, study_instance_uid from worklist_step
                where appointment_id in (select appointment_id from wanted)
                union all
                select appointment_id, accession_number, study_instance_uid from made
                """).params(wanted.toArray(UUID[]::new), uids, properties.uidRoot(), Timestamp.from(clock.instant()))
                .query(rs -> {
                    found.put(rs.getObject(1, UUID.class), new Numbers(rs.getString(2), rs.getString(3)));
                });
        if (found.size() < wanted.size()) {
            // A concurrent query stored some after this statement began; the stored ones are the ones.
            found.putAll(stored(wanted.stream().filter(id -> !found.containsKey(id)).toList()));
        }
        keepAfterCommit(found);
        numbers.putAll(found);
        return numbers;
    }

    /**
     * Keeps numbers once the transaction that read or made them has committed: made ones rolled back would
     * otherwise be given again though no row holds them. Stored numbers never change (V139 takes the right to).
     */
    private void keepAfterCommit(Map<UUID, Numbers> found) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (kept.size() + found.size() > KEPT_AT_MOST) {
                    // Simpler than an eviction order, and rare: the next queries read their numbers again.
                    kept.clear();
                }
                kept.putAll(found);
            }
        });
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
