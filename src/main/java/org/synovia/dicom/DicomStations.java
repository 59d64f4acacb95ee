package org.synovia.dicom;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/**
 * The AE title of each room's modality (HAZ-62: a wrong title sends a room's patients to another room's
 * machine). Two rooms never share a title; the database refuses it too. The titles a modality is checked and
 * answered against are kept for {@code synovia.dicom.station-titles-max-age} (ADR 0098): an association's
 * recognition and its query then read them once, and a change on this instance is seen at its commit.
 */
@Service
public class DicomStations {

    private final JdbcClient jdbc;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxAgeNanos;
    private volatile Titles recent;

    /** Titles as read, and when (System.nanoTime: the age of a copy, not a time of day). */
    private record Titles(Map<UUID, String> byRoom, long readAtNanos) {
    }

    DicomStations(JdbcClient jdbc, Sessions sessions, AuditTrail audit, Clock clock, DicomProperties properties) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.maxAgeNanos = properties.stationTitlesMaxAge().toNanos();
    }

    /** Every room with its station title, read afresh for the administrator's page. */
    public List<DicomStation> stations() {
        Map<UUID, String> titles = readTitles();
        return sessions.rooms().stream()
                .map(r -> new DicomStation(r.id(), r.name(), r.guidance(), titles.get(r.id()))).toList();
    }

    /**
     * The station title of each room, as read at most {@code station-titles-max-age} ago (a change made on this
     * instance counts from its commit; one made on another instance within that age).
     */
    public Map<UUID, String> titlesByRoom() {
        Titles titles = recent;
        long now = System.nanoTime();
        if (titles != null && now - titles.readAtNanos() < maxAgeNanos) {
            return titles.byRoom();
        }
        Map<UUID, String> read = readTitles();
        recent = new Titles(read, now);
        return read;
    }

    private Map<UUID, String> readTitles() {
        return Map.copyOf(jdbc.sql("select room_id, ae_title from dicom_station").query((rs, n) -> Map.entry(
                rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Forgets the kept titles now and again at the commit, so that no query reads the old ones in between. */
    void forgetTitles() {
        recent = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    recent = null;
                }
            });
        }
    }

    /** Sets the room's station AE title; a blank title removes it. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void assign(UUID roomId, String aeTitle) {
        Room room = sessions.rooms().stream().filter(r -> r.id().equals(roomId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("roomId", "There is no such room."));
        String title = aeTitle == null ? "" : aeTitle.strip();
        if (title.isEmpty()) {
            jdbc.sql("delete from dicom_station where room_id = ?").param(roomId).update();
            forgetTitles();
            audit.record(AuditAction.UPDATE, "DicomStation", roomId, null, room.name() + ": station AE title removed");
            return;
        }
        if (!AeTitles.valid(title)) {
            throw new InvalidInputException("aeTitle",
                    "Use 1 to 16 letters, digits, spaces or punctuation (no backslash), exactly as set on the modality.");
        }
        try {
            jdbc.sql("""
                    insert into dicom_station (room_id, ae_title, set_at, set_by) values (?, ?, ?, ?)
                    on conflict (room_id) do update set ae_title = excluded.ae_title, set_at = excluded.set_at,
                        set_by = excluded.set_by
                    """).params(roomId, title, Timestamp.from(clock.instant()), CurrentUser.username()).update();
            forgetTitles();
        }
        catch (DuplicateKeyException e) {
            throw new InvalidInputException("aeTitle", "Another room already uses the AE title " + title
                    + "; each modality needs its own, or it would be sent another room's patients.");
        }
        audit.record(AuditAction.UPDATE, "DicomStation", roomId, null, room.name() + ": station AE title " + title);
    }
}
