package org.synovia.dicom;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the machines reported for appointments (Modality Performed Procedure Step): started, completed or
 * discontinued, and where. The day list shows it beside the patient's own progress.
 */
@Service
public class ImagingProgress {

    /** The latest step a machine reported for one appointment. */
    public record Step(String status, String stationAeTitle, String modality) {

        /** "Imaging in progress (US_ROOM1)". */
        public String label() {
            String state = switch (status) {
                case "IN PROGRESS" -> "in progress";
                case "COMPLETED" -> "completed";
                default -> "discontinued";
            };
            return "Imaging " + state + " (" + stationAeTitle + ")";
        }
    }

    private final JdbcClient jdbc;

    ImagingProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<UUID, Step> byAppointment(Collection<UUID> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<UUID, Step>> rows = jdbc.sql("""
                select distinct on (appointment_id) appointment_id, status, station_ae_title, modality from performed_step
                where appointment_id = any (?) order by appointment_id, updated_at desc
                """).param(appointmentIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new Step(rs.getString(2), rs.getString(3),
                        rs.getString(4)))).list();
        return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
