package org.synovia.dicom.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Tag;

/** How a query identifier is read: the fuzz round found a NUL inside a Patient ID reached the database. */
class AttributesTests {

    @Test
    void refusesANulInsideAValueAsAnIdentifierItCannotRead() {
        Dataset query = new Dataset().putAscii(Tag.PATIENT_ID, "LO", "a\u0000b");

        assertThatThrownBy(() -> Attributes.of(query)).isInstanceOf(DicomFormatException.class)
                .hasMessage("(0010,0020) contains a NUL character");
    }

    @Test
    void keepsAUidPaddedWithATrailingNul() throws DicomFormatException {
        Dataset query = new Dataset().putAscii(Tag.STUDY_INSTANCE_UID, "UI", "1.2.3\u0000");

        assertThat(Attributes.of(query).text(Tag.STUDY_INSTANCE_UID)).startsWith("1.2.3");
    }
}
