package org.synovia.dicom.worklist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.Bookings;
import org.synovia.dicom.DicomProperties;
import org.synovia.dicom.DicomStations;
import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Tag;
import org.synovia.dicom.net.PerformedStepService;

/**
 * Stores what machines report through MPPS (PS3.4 F.7): N-CREATE starts a step IN PROGRESS, N-SET completes
 * or discontinues it, after which it may no longer change. The step is tied to its appointment by the
 * accession number the worklist gave; a step for an accession number Synovia does not know (an unscheduled
 * examination) is kept without one. Each report is audited with the calling AE title.
 * <p>
 * A room's station reports steps of its own room's appointments only, as it is answered for its own room only
 * (ADR 0053, ADR 0065): a report for another room's appointment is refused with 0124H (Refused: Not authorized),
 * logged and audited, and changes nothing. A title in {@code synovia.dicom.all-rooms-ae-titles} may report for any room.
 */
@Service
class ModalityPerformedSteps implements PerformedStepService {

    static final String IN_PROGRESS = "IN PROGRESS";
    private static final Set<String> FINAL = Set.of("COMPLETED", "DISCONTINUED");
    private static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    private static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    private static final int PROCESSING_FAILURE = 0x0110;
    private static final int INVALID_ATTRIBUTE_VALUE = 0x0106;
    /** PS3.7 C.5.x general status "Refused: Not authorized". */
    static final int NOT_AUTHORIZED = 0x0124;
    private static final Logger log = LoggerFactory.getLogger(ModalityPerformedSteps.class);

    private final JdbcClient jdbc;
    private final WorklistNumbers numbers;
    private final Bookings bookings;
    private final DicomStations stations;
    private final DicomProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    ModalityPerformedSteps(JdbcClient jdbc, WorklistNumbers numbers, Bookings bookings, DicomStations stations,
            DicomProperties properties, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.bookings = bookings;
        this.stations = stations;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Outcome create(String sopInstanceUid, Dataset dataset, String callingAeTitle) throws DicomFormatException {
        Attributes attributes = Attributes.of(dataset);
        if (!IN_PROGRESS.equals(attributes.text(Tag.PERFORMED_PROCEDURE_STEP_STATUS))) {
            return new Outcome(INVALID_ATTRIBUTE_VALUE, "Performed Procedure Step Status must be IN PROGRESS");
        }
        String accession = accession(attributes);
        Optional<UUID> appointment = accession == null ? Optional.empty() : numbers.appointmentFor(accession);
        Optional<Outcome> refused = otherRoom(appointment, sopInstanceUid, callingAeTitle, "N-CREATE");
        if (refused.isPresent()) {
            return refused.get();
        }
        String station = station(attributes, callingAeTitle);
        Instant now = clock.instant();
        Instant started = instant(attributes.text(Tag.PERFORMED_PROCEDURE_STEP_START_DATE),
                attributes.text(Tag.PERFORMED_PROCEDURE_STEP_START_TIME)).orElse(now);
        int inserted = jdbc.sql("""
                insert into performed_step (sop_instance_uid, appointment_id, accession_number, status, modality,
                    station_ae_title, started_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (sop_instance_uid) do nothing
                """).params(sopInstanceUid, appointment.orElse(null), accession, IN_PROGRESS, attributes.text(Tag.MODALITY),
                station, Timestamp.from(started), Timestamp.from(now), Timestamp.from(now)).update();
        if (inserted == 0) {
            return new Outcome(DUPLICATE_SOP_INSTANCE, "This performed procedure step exists already");
        }
        audited(appointment, sopInstanceUid, "MPPS IN PROGRESS from AE " + callingAeTitle + " at " + station
                + " for accession " + accession);
        return Outcome.SUCCESS;
    }

    @Override
    @Transactional
    public Outcome update(String sopInstanceUid, Dataset dataset, String callingAeTitle) throws DicomFormatException {
        Attributes attributes = Attributes.of(dataset);
        record Current(String status, Optional<UUID> appointment) {
        }
        List<Current> current = jdbc.sql("select status, appointment_id from performed_step where sop_instance_uid = ? for update")
                .param(sopInstanceUid)
                .query((rs, n) -> new Current(rs.getString(1), Optional.ofNullable(rs.getObject(2, UUID.class)))).list();
        if (current.isEmpty()) {
            return new Outcome(NO_SUCH_SOP_INSTANCE, "No such performed procedure step");
        }
        Optional<Outcome> refused = otherRoom(current.getFirst().appointment(), sopInstanceUid, callingAeTitle, "N-SET");
        if (refused.isPresent()) {
            return refused.get();
        }
        if (FINAL.contains(current.getFirst().status())) {
            return new Outcome(PROCESSING_FAILURE, "Performed Procedure Step may no longer be updated");
        }
        String status = attributes.text(Tag.PERFORMED_PROCEDURE_STEP_STATUS);
        if (status == null || status.isEmpty()) {
            status = IN_PROGRESS;
        }
        if (!status.equals(IN_PROGRESS) && !FINAL.contains(status)) {
            return new Outcome(INVALID_ATTRIBUTE_VALUE, "Unknown Performed Procedure Step Status " + status);
        }
        Instant now = clock.instant();
        Instant ended = FINAL.contains(status) ? instant(attributes.text(Tag.PERFORMED_PROCEDURE_STEP_END_DATE),
                attributes.text(Tag.PERFORMED_PROCEDURE_STEP_END_TIME)).orElse(now) : null;
        jdbc.sql("update performed_step set status = ?, ended_at = ?, updated_at = ? where sop_instance_uid = ?")
                .params(status, ended == null ? null : Timestamp.from(ended), Timestamp.from(now), sopInstanceUid).update();
        audited(current.getFirst().appointment(), sopInstanceUid, "MPPS " + status + " from AE " + callingAeTitle);
        return Outcome.SUCCESS;
    }

    /**
     * A refusal when the step's appointment is booked in a room whose station is not the caller; empty when the
     * caller may report it (its own room, an all-rooms title, or no appointment matched, which names no patient).
     */
    private Optional<Outcome> otherRoom(Optional<UUID> appointmentId, String sopInstanceUid, String callingAeTitle,
            String operation) {
        if (appointmentId.isEmpty() || properties.seesAllRooms(callingAeTitle)) {
            return Optional.empty();
        }
        Appointment appointment = bookings.appointment(appointmentId.get());
        String caller = callingAeTitle == null ? "" : callingAeTitle.strip();
        if (caller.equals(stations.titlesByRoom().get(appointment.roomId()))) {
            return Optional.empty();
        }
        log.warn("MPPS {} refused: AE {} reported step {} for appointment {}, booked in another room", operation, caller,
                sopInstanceUid, appointment.id());
        audit.record(AuditAction.ACCESS_REFUSED, "PerformedProcedureStep", sopInstanceUid, appointment.patientId(),
                "MPPS " + operation + " from AE " + caller + " refused: appointment " + appointment.id()
                        + " is booked in another room");
        return Optional.of(new Outcome(NOT_AUTHORIZED, "The step's appointment is booked in another room"));
    }

    private void audited(Optional<UUID> appointment, String sopInstanceUid, String details) {
        UUID patient = appointment.map(id -> bookings.appointment(id).patientId()).orElse(null);
        audit.record(AuditAction.UPDATE, "PerformedProcedureStep", sopInstanceUid, patient,
                details + appointment.map(id -> " (appointment " + id + ")").orElse(" (no appointment matched)"));
    }

    private static String accession(Attributes attributes) {
        List<Attributes> items = attributes.items(Tag.SCHEDULED_STEP_ATTRIBUTES_SEQUENCE);
        if (items == null) {
            return null;
        }
        return items.stream().map(i -> i.text(Tag.ACCESSION_NUMBER)).filter(a -> a != null && !a.isEmpty()).findFirst()
                .orElse(null);
    }

    private static String station(Attributes attributes, String callingAeTitle) {
        String performed = attributes.text(Tag.PERFORMED_STATION_AE_TITLE);
        String station = performed == null || performed.isEmpty() ? callingAeTitle : performed;
        return station.length() > 16 ? station.substring(0, 16) : station;
    }

    private Optional<Instant> instant(String date, String time) throws DicomFormatException {
        if (date == null || date.isEmpty()) {
            return Optional.empty();
        }
        LocalTime at = time == null || time.isEmpty() ? LocalTime.MIDNIGHT : Matching.time(time);
        return Optional.of(Matching.date(date).atTime(at).atZone(clock.getZone()).toInstant());
    }
}
