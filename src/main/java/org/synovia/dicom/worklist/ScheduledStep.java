package org.synovia.dicom.worklist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.synovia.dicom.encoding.Tag;

/**
 * One booked appointment as a modality sees it: a requested procedure with one scheduled procedure step.
 * Names are DICOM person names ({@code family^given}); values longer than their VR allows are cut.
 */
record ScheduledStep(UUID appointmentId, UUID patientUuid, String patientName, String patientId, String issuerOfPatientId,
        String otherPatientIds, LocalDate birthDate, String sex, String accessionNumber, String studyInstanceUid,
        String requestedProcedureDescription, String referringPhysicianName, String modality, String stationAeTitle,
        String stationName, LocalDateTime start, String performingPhysicianName, String stepDescription) {

    /** The longest person name VR PN carries; longer names are cut. */
    static final int NAME_LENGTH = 64;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    Attributes attributes() {
        Attributes step = new Attributes()
                .put(Tag.MODALITY, modality)
                .put(Tag.SCHEDULED_STATION_AE_TITLE, stationAeTitle)
                .put(Tag.SCHEDULED_PROCEDURE_STEP_START_DATE, start.format(DATE))
                .put(Tag.SCHEDULED_PROCEDURE_STEP_START_TIME, start.format(TIME))
                .put(Tag.SCHEDULED_PERFORMING_PHYSICIAN_NAME, cut(performingPhysicianName, 64))
                .put(Tag.SCHEDULED_PROCEDURE_STEP_DESCRIPTION, cut(stepDescription, 64))
                .put(Tag.SCHEDULED_PROCEDURE_STEP_ID, accessionNumber + "-1")
                .put(Tag.SCHEDULED_STATION_NAME, cut(stationName, 16))
                .put(Tag.SCHEDULED_PROCEDURE_STEP_STATUS, "SCHEDULED");
        return new Attributes()
                .put(Tag.ACCESSION_NUMBER, accessionNumber)
                .put(Tag.REFERRING_PHYSICIAN_NAME, cut(referringPhysicianName, 64))
                .put(Tag.REFERENCED_STUDY_SEQUENCE, List.of())
                .put(Tag.REFERENCED_PATIENT_SEQUENCE, List.of())
                .put(Tag.PATIENT_NAME, cut(patientName, NAME_LENGTH))
                .put(Tag.PATIENT_ID, patientId)
                .put(Tag.ISSUER_OF_PATIENT_ID, issuerOfPatientId)
                .put(Tag.PATIENT_BIRTH_DATE, birthDate == null ? "" : birthDate.format(DATE))
                .put(Tag.PATIENT_SEX, sex)
                .put(Tag.OTHER_PATIENT_IDS, otherPatientIds)
                .put(Tag.STUDY_INSTANCE_UID, studyInstanceUid)
                .put(Tag.REQUESTED_PROCEDURE_DESCRIPTION, cut(requestedProcedureDescription, 64))
                .put(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE, List.of(step))
                .put(Tag.REQUESTED_PROCEDURE_ID, accessionNumber);
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = text.replace('\\', '/');
        // Most values hold no control character: look before building a matcher (this runs for every value of every step).
        if (hasControl(clean)) {
            clean = CONTROL.matcher(clean).replaceAll(" ");
        }
        clean = clean.strip();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
