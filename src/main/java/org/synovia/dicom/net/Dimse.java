package org.synovia.dicom.net;

/** DIMSE command fields and statuses used here (PS3.7 9.3, C.4). */
final class Dimse {

    static final int C_FIND_RQ = 0x0020;
    static final int C_FIND_RSP = 0x8020;
    static final int C_ECHO_RQ = 0x0030;
    static final int C_ECHO_RSP = 0x8030;
    static final int C_CANCEL_RQ = 0x0FFF;
    static final int N_SET_RQ = 0x0120;
    static final int N_SET_RSP = 0x8120;
    static final int N_CREATE_RQ = 0x0140;
    static final int N_CREATE_RSP = 0x8140;
    static final int NO_DATA_SET = 0x0101;
    static final int DATA_SET_PRESENT = 0x0000;

    static final int SUCCESS = 0x0000;
    static final int PENDING = 0xFF00;
    static final int CANCELLED = 0xFE00;
    static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    static final int IDENTIFIER_DOES_NOT_MATCH = 0xA900;
    static final int UNABLE_TO_PROCESS = 0xC000;
    static final int PROCESSING_FAILURE = 0x0110;
    static final int INVALID_ATTRIBUTE_VALUE = 0x0106;

    private Dimse() {
    }
}
