package org.synovia.dicom.encoding;

import java.util.HashMap;
import java.util.Map;

/**
 * Value representations of the attributes a worklist query may carry, so that implicit VR data can be
 * read (PS3.6). A tag not listed reads as {@code UN}: its value is kept as bytes, and it is answered empty.
 */
public final class Dictionary {

    private static final Map<Integer, String> VR = new HashMap<>();

    static {
        // Command group.
        put("UI", Tag.AFFECTED_SOP_CLASS_UID, 0x00000003, Tag.AFFECTED_SOP_INSTANCE_UID, 0x00001001);
        put("US", Tag.COMMAND_FIELD, Tag.MESSAGE_ID, Tag.MESSAGE_ID_BEING_RESPONDED_TO, Tag.PRIORITY,
                Tag.COMMAND_DATA_SET_TYPE, Tag.STATUS, 0x00000903, 0x00001002);
        put("LO", Tag.ERROR_COMMENT);
        put("AT", 0x00000901);
        put("AE", 0x00001030, Tag.SCHEDULED_STATION_AE_TITLE);
        // Patient, visit, study, request, scheduled step.
        put("CS", Tag.SPECIFIC_CHARACTER_SET, Tag.MODALITY, Tag.PATIENT_SEX, Tag.SCHEDULED_PROCEDURE_STEP_STATUS,
                0x00080008, 0x00081040);
        put("SH", Tag.ACCESSION_NUMBER, 0x00080100, 0x00080102, 0x00080103, Tag.SCHEDULED_PROCEDURE_STEP_ID,
                Tag.SCHEDULED_STATION_NAME, 0x00400011, Tag.REQUESTED_PROCEDURE_ID, 0x00401003, 0x00102160, 0x00102180);
        put("LO", 0x00080104, 0x00080080, Tag.ISSUER_OF_PATIENT_ID, Tag.OTHER_PATIENT_IDS, 0x00101040, 0x00102000,
                0x00102110, 0x00380010, 0x00380050, 0x00380300, 0x00380500, 0x00321033, Tag.REQUESTED_PROCEDURE_DESCRIPTION,
                0x00321070, 0x00400012, 0x00401002, 0x00401004, 0x00401005, 0x00401008, 0x00403001, 0x00402016, 0x00402017,
                0x00081030);
        put("PN", Tag.REFERRING_PHYSICIAN_NAME, Tag.PATIENT_NAME, Tag.SCHEDULED_PERFORMING_PHYSICIAN_NAME, 0x00321032,
                0x00401010, 0x00101060, 0x00101001);
        put("DA", Tag.PATIENT_BIRTH_DATE, Tag.SCHEDULED_PROCEDURE_STEP_START_DATE, 0x00400004, 0x00080020, 0x00321050);
        put("TM", Tag.SCHEDULED_PROCEDURE_STEP_START_TIME, 0x00400005, 0x00100032, 0x00080030);
        put("DT", 0x00404005, 0x00404010);
        put("UI", Tag.STUDY_INSTANCE_UID, 0x00081150, 0x00081155, 0x00080016, 0x00080018, 0x00400512);
        put("SQ", Tag.REFERENCED_STUDY_SEQUENCE, Tag.REFERENCED_PATIENT_SEQUENCE, Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE,
                0x00400008, 0x00321064, 0x00101002, 0x00100024, 0x00080051, 0x00400026, 0x00400027, 0x0040000B,
                0x00321034, 0x00081032, 0x00401011, 0x00400015, 0x00380014);
        // Modality performed procedure step.
        put("AE", Tag.PERFORMED_STATION_AE_TITLE);
        put("SH", 0x00400242, 0x00400243, 0x00400253);
        put("DA", Tag.PERFORMED_PROCEDURE_STEP_START_DATE, Tag.PERFORMED_PROCEDURE_STEP_END_DATE);
        put("TM", Tag.PERFORMED_PROCEDURE_STEP_START_TIME, Tag.PERFORMED_PROCEDURE_STEP_END_TIME);
        put("CS", Tag.PERFORMED_PROCEDURE_STEP_STATUS, 0x00400255);
        put("LO", 0x00400254);
        put("ST", 0x00400280);
        put("SQ", Tag.SCHEDULED_STEP_ATTRIBUTES_SEQUENCE, 0x00400260, 0x00400281, 0x00400340, 0x00081140, 0x00400220,
                0x00400320, 0x00400293, 0x00400321, 0x00409096);
        put("DS", 0x00101020, 0x00101030);
        put("LT", 0x00104000, 0x00401400, 0x00400400, 0x00402400);
        put("US", 0x001021C0);
        put("AS", 0x00101010);
        put("IS", 0x00201208);
    }

    private Dictionary() {
    }

    private static void put(String vr, int... tags) {
        for (int tag : tags) {
            VR.put(tag, vr);
        }
    }

    /** The VR for implicit VR data: group lengths are UL, unknown and private tags UN. */
    public static String vrOf(int tag) {
        if ((tag & 0xFFFF) == 0) {
            return "UL";
        }
        return VR.getOrDefault(tag, "UN");
    }
}
