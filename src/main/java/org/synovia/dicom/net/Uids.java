package org.synovia.dicom.net;

/** The UIDs this server negotiates (PS3.6 Annex A). */
public final class Uids {

    public static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    public static final String VERIFICATION = "1.2.840.10008.1.1";
    public static final String MODALITY_WORKLIST_FIND = "1.2.840.10008.5.1.4.31";
    public static final String MODALITY_PERFORMED_PROCEDURE_STEP = "1.2.840.10008.3.1.2.3.3";
    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    private Uids() {
    }
}
