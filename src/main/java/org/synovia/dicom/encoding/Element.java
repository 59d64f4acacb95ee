package org.synovia.dicom.encoding;

import java.util.List;

/**
 * One data element: a tag, its VR and either its value bytes as encoded (without padding removed) or, for
 * a sequence, its items.
 */
public record Element(int tag, String vr, byte[] value, List<Dataset> items) {

    public Element {
        value = value == null ? new byte[0] : value;
        items = items == null ? null : List.copyOf(items);
    }

    public boolean isSequence() {
        return items != null;
    }
}
