package org.synovia.dicom.net;

/**
 * A PDU that breaks PS3.8; the association ends with an A-ABORT carrying {@code reason}
 * (0 not specified, 1 unrecognized PDU, 2 unexpected PDU, 4 unrecognized parameter, 5 unexpected parameter,
 * 6 invalid parameter value).
 */
public class PduException extends Exception {

    private final int reason;

    public PduException(int reason, String message) {
        super(message);
        this.reason = reason;
    }

    public int reason() {
        return reason;
    }
}
