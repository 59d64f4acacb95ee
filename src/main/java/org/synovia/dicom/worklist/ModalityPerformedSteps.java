package org.synovia.dicom.worklist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Bookings;
import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Tag;
import org.synovia.dicom.net.PerformedStepService;

/**
 * Stores what machines report through MPPS (PS3.4 F.7): N-CREATE starts a step IN PROGRESS, N-SET completes
 * or discontinues it, after which it may no longer change. The step is tied to its appointment by the
 * accession number the worklist gave; a step for an accession number Synovia does not know (an unscheduled
 * examination) is kept without one. Each report is audited with the calling AE title.
 */
@Service
class ModalityPerformedSteps implements PerformedStepService {

    static final String IN_PROGRESS = "IN PROGRESS";
    private static final Set<String> FINAL = Set.of("COMPLETED", "DISCONTINUED");
    private static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    private static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    private static final int PROCESSING_FAILURE = 0x0110;
    private static final int INVALID_ATTRIBUTE_VALUE = 0x0106;

    private final JdbcClient jdbc;
    private final WorklistNumbers numbers;
    private final Bookings bookings;
    private final AuditTrail audit;
    private final Clock clock;

    ModalityPerformedSteps(JdbcClient jdbc, WorklistNumbers numbers, Bookings bookings, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.bookings = bookings;
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
        List<String> current = jdbc.sql("select status from performed_step where sop_instance_uid = ? for update")
                .param(sopInstanceUid).query(String.class).list();
        if (current.isEmpty()) {
            return new Outcome(NO_SUCH_SOP_INSTANCE, "No such performed procedure step");
        }
        if (FINAL.contains(current.getFirst())) {
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
        Optional<UUID> appointment = jdbc.sql("select appointment_id from performed_step where sop_instance_uid = ?")
                .param(sopInstanceUid).query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).single();
        audited(appointment, sopInstanceUid, "MPPS " + status + " from AE " + callingAeTitle);
        return Outcome.SUCCESS;
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
