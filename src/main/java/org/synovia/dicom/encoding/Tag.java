package org.synovia.dicom.encoding;

/** The attribute tags this server reads or writes (PS3.6), as {@code 0xGGGGEEEE}. */
public final class Tag {

    // Command group (PS3.7 E.1).
    public static final int COMMAND_GROUP_LENGTH = 0x00000000;
    public static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    public static final int COMMAND_FIELD = 0x00000100;
    public static final int MESSAGE_ID = 0x00000110;
    public static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    public static final int PRIORITY = 0x00000700;
    public static final int COMMAND_DATA_SET_TYPE = 0x00000800;
    public static final int STATUS = 0x00000900;
    public static final int ERROR_COMMENT = 0x00000902;
    public static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;

    // Modality worklist identifier (PS3.4 K.6.1.2.2).
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MODALITY = 0x00080060;
    public static final int REFERRING_PHYSICIAN_NAME = 0x00080090;
    public static final int REFERENCED_STUDY_SEQUENCE = 0x00081110;
    public static final int REFERENCED_PATIENT_SEQUENCE = 0x00081120;
    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int ISSUER_OF_PATIENT_ID = 0x00100021;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;
    public static final int OTHER_PATIENT_IDS = 0x00101000;
    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int REQUESTED_PROCEDURE_DESCRIPTION = 0x00321060;
    public static final int SCHEDULED_STATION_AE_TITLE = 0x00400001;
    public static final int SCHEDULED_PROCEDURE_STEP_START_DATE = 0x00400002;
    public static final int SCHEDULED_PROCEDURE_STEP_START_TIME = 0x00400003;
    public static final int SCHEDULED_PERFORMING_PHYSICIAN_NAME = 0x00400006;
    public static final int SCHEDULED_PROCEDURE_STEP_DESCRIPTION = 0x00400007;
    public static final int SCHEDULED_PROCEDURE_STEP_ID = 0x00400009;
    public static final int SCHEDULED_STATION_NAME = 0x00400010;
    public static final int SCHEDULED_PROCEDURE_STEP_STATUS = 0x00400020;
    public static final int SCHEDULED_PROCEDURE_STEP_SEQUENCE = 0x00400100;
    public static final int REQUESTED_PROCEDURE_ID = 0x00401001;

    // Modality Performed Procedure Step (PS3.4 F.7.2, PS3.3 C.4.13-C.4.16).
    public static final int REQUESTED_SOP_CLASS_UID = 0x00000003;
    public static final int REQUESTED_SOP_INSTANCE_UID = 0x00001001;
    public static final int PERFORMED_STATION_AE_TITLE = 0x00400241;
    public static final int PERFORMED_PROCEDURE_STEP_START_DATE = 0x00400244;
    public static final int PERFORMED_PROCEDURE_STEP_START_TIME = 0x00400245;
    public static final int PERFORMED_PROCEDURE_STEP_END_DATE = 0x00400250;
    public static final int PERFORMED_PROCEDURE_STEP_END_TIME = 0x00400251;
    public static final int PERFORMED_PROCEDURE_STEP_STATUS = 0x00400252;
    public static final int SCHEDULED_STEP_ATTRIBUTES_SEQUENCE = 0x00400270;

    // Encoding of sequences (PS3.5 7.5).
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tag() {
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static String toString(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
