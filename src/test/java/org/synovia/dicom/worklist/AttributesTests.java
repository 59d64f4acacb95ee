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

    @Test
    void givesIdentifiersThatAreMatchedOrProjectedDifferentlyDifferentSignatures() {
        Attributes name = new Attributes().put(Tag.PATIENT_NAME, "A;1 B").put(Tag.PATIENT_ID, "");
        Attributes nameSplitOtherwise = new Attributes().put(Tag.PATIENT_NAME, "A").put(Tag.PATIENT_ID, "1 B");
        Attributes askedWithAnotherVr = new Attributes().put(Tag.PATIENT_NAME, "A;1 B").put(Tag.PATIENT_ID, "")
                .keepVr(Tag.PATIENT_ID, "SH");
        Attributes inAnItem = new Attributes().put(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE,
                java.util.List.of(new Attributes().put(Tag.PATIENT_NAME, "A;1 B").put(Tag.PATIENT_ID, "")));

        assertThat(java.util.List.of(name, nameSplitOtherwise, askedWithAnotherVr, inAnItem))
                .extracting(Attributes::signature).doesNotHaveDuplicates();
        assertThat(name.signature()).isEqualTo(new Attributes().put(Tag.PATIENT_NAME, "A;1 B").put(Tag.PATIENT_ID, "").signature());
    }
}
