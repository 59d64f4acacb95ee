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
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/**
 * The AE title of each room's modality (HAZ-62: a wrong title sends a room's patients to another room's
 * machine). Two rooms never share a title; the database refuses it too.
 */
@Service
public class DicomStations {

    private final JdbcClient jdbc;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    DicomStations(JdbcClient jdbc, Sessions sessions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    public List<DicomStation> stations() {
        Map<UUID, String> titles = titlesByRoom();
        return sessions.rooms().stream()
                .map(r -> new DicomStation(r.id(), r.name(), r.guidance(), titles.get(r.id()))).toList();
    }

    public Map<UUID, String> titlesByRoom() {
        return jdbc.sql("select room_id, ae_title from dicom_station").query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
                rs.getString(2))).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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
        }
        catch (DuplicateKeyException e) {
            throw new InvalidInputException("aeTitle", "Another room already uses the AE title " + title
                    + "; each modality needs its own, or it would be sent another room's patients.");
        }
        audit.record(AuditAction.UPDATE, "DicomStation", roomId, null, room.name() + ": station AE title " + title);
    }
}
