package org.synovia.dicom.encoding;

/** Data that does not follow the encoding rules of PS3.5; the message says where and why. */
public class DicomFormatException extends Exception {

    public DicomFormatException(String message) {
        super(message);
    }
}
