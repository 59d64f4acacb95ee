package org.synovia.dicom.net;

import java.util.List;

import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DicomFormatException;

/** Answers one C-FIND identifier with the identifiers of its matches, each ready to send. */
public interface FindService {

    /** @throws DicomFormatException when the identifier cannot be understood (answered with status A900) */
    List<Dataset> find(Dataset identifier, String callingAeTitle) throws DicomFormatException;
}
