package org.synovia.dicom.net;

import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DicomFormatException;

/** Receives Modality Performed Procedure Steps (N-CREATE, N-SET) and says how each went as a DIMSE status. */
public interface PerformedStepService {

    /** A DIMSE status with an optional Error Comment. */
    record Outcome(int status, String comment) {

        public static final Outcome SUCCESS = new Outcome(0x0000, null);
    }

    Outcome create(String sopInstanceUid, Dataset attributes, String callingAeTitle) throws DicomFormatException;

    Outcome update(String sopInstanceUid, Dataset attributes, String callingAeTitle) throws DicomFormatException;
}
