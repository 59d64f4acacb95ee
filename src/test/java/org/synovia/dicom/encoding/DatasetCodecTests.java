package org.synovia.dicom.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatasetCodecTests {

    private static Dataset worklistQuery() {
        Dataset step = new Dataset().putAscii(Tag.MODALITY, "CS", "US").putAscii(Tag.SCHEDULED_STATION_AE_TITLE, "AE", "US1")
                .putAscii(Tag.SCHEDULED_PROCEDURE_STEP_START_DATE, "DA", "20261121-");
        return new Dataset().putString(Tag.PATIENT_NAME, "PN", "Ζωή*", StandardCharsets.UTF_8)
                .putAscii(Tag.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 192")
                .putAscii(Tag.STUDY_INSTANCE_UID, "UI", "1.2.3")
                .putSequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE, List.of(step, new Dataset()));
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void readsBackWhatItWritesInBothVrEncodings(boolean explicitVr) throws DicomFormatException {
        Dataset read = DatasetReader.read(DatasetWriter.write(worklistQuery(), explicitVr), explicitVr);
        assertThat(read.string(Tag.PATIENT_NAME, StandardCharsets.UTF_8)).isEqualTo("Ζωή*");
        assertThat(read.ascii(Tag.STUDY_INSTANCE_UID)).isEqualTo("1.2.3");
        assertThat(read.sequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE)).hasSize(2);
        Dataset step = read.sequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE).getFirst();
        assertThat(step.ascii(Tag.SCHEDULED_STATION_AE_TITLE)).isEqualTo("US1");
        assertThat(step.get(Tag.SCHEDULED_STATION_AE_TITLE).vr()).isEqualTo("AE");
        assertThat(step.ascii(Tag.SCHEDULED_PROCEDURE_STEP_START_DATE)).isEqualTo("20261121-");
        assertThat(read.sequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE).get(1).isEmpty()).isTrue();
    }

    @Test
    void padsValuesToEvenLengthWithNulForUidsAndSpaceForText() throws DicomFormatException {
        byte[] uid = DatasetWriter.write(new Dataset().putAscii(Tag.STUDY_INSTANCE_UID, "UI", "1.2.3"), true);
        assertThat(HexFormat.of().formatHex(uid)).isEqualTo("20000d00" + "5549" + "0600" + "312e322e3300");
        byte[] text = DatasetWriter.write(new Dataset().putAscii(Tag.PATIENT_ID, "LO", "H12"), false);
        assertThat(HexFormat.of().formatHex(text)).isEqualTo("10002000" + "04000000" + "48313220");
        assertThat(DatasetReader.read(text, false).ascii(Tag.PATIENT_ID)).isEqualTo("H12");
    }

    @Test
    void readsSequencesAndItemsOfUndefinedLength() throws DicomFormatException {
        // (0040,0100) SQ, undefined length; one item of undefined length holding (0008,0060) CS "CT"; delimiters.
        String hex = "40000001" + "5351" + "0000" + "ffffffff"
                + "feff00e0" + "ffffffff"
                + "08006000" + "4353" + "0200" + "4354"
                + "feff0de0" + "00000000"
                + "feffdde0" + "00000000"
                + "10001000" + "504e" + "0400" + "415e4220";
        Dataset read = DatasetReader.read(HexFormat.of().parseHex(hex), true);
        assertThat(read.sequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE).getFirst().ascii(Tag.MODALITY)).isEqualTo("CT");
        assertThat(read.ascii(Tag.PATIENT_NAME)).isEqualTo("A^B");
    }

    @Test
    void readsAnEmptySequenceOfUndefinedLengthInImplicitVr() throws DicomFormatException {
        String hex = "40000001" + "ffffffff" + "feffdde0" + "00000000" + "10002000" + "00000000";
        Dataset read = DatasetReader.read(HexFormat.of().parseHex(hex), false);
        assertThat(read.sequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE)).isEmpty();
        assertThat(read.ascii(Tag.PATIENT_ID)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "'10001000504e1000415e42', Truncated data",
            "'100010', Truncated data",
            "'10001000', Truncated data",
            "'1000100070714000', Invalid VR",
            "'400000015351000010000000feff00e0ffffffff', Truncated data",
            "'400000015351000008000000feff00e004000000', Truncated data",
            "'feff00e000000000', Unexpected (FFFE,E000)",
            "'400000015351000012000000feff00e00800000008006000435302004354', runs past" })
    void refusesDataThatBreaksTheEncoding(String hex, String message) {
        assertThatThrownBy(() -> DatasetReader.read(HexFormat.of().parseHex(hex), true))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining(message);
    }

    @Test
    void refusesSequencesNestedTooDeep() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            hex.append("40000001").append("ffffffff").append("feff00e0").append("ffffffff");
        }
        assertThatThrownBy(() -> DatasetReader.read(HexFormat.of().parseHex(hex.toString()), false))
                .hasMessageContaining("nested deeper");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Smith^Alex|",
            "Müller^Zoë|ISO_IR 100",
            "Παπαδοπούλου^Ζωή|ISO_IR 192",
            "Иванова^Анна|ISO_IR 192" })
    void choosesTheCharacterSetTheTextNeeds(String name, String term) {
        assertThat(DicomCharsets.termFor(List.of("SYN00000001", name))).isEqualTo(term);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ISO_IR 100|Müller^Zoë|ISO-8859-1",
            "ISO_IR 192|Иванова^Анна|UTF-8",
            "ISO_IR 144|Иванова^Анна|ISO-8859-5",
            "ISO_IR 126|Παπαδοπούλου^Ζωή|ISO-8859-7",
            "\\ISO 2022 IR 100|Müller|ISO-8859-1" })
    void decodesQueriesInTheirDeclaredCharacterSet(String term, String name, String javaCharset) throws DicomFormatException {
        Dataset query = new Dataset().putAscii(Tag.SPECIFIC_CHARACTER_SET, "CS", term)
                .putString(Tag.PATIENT_NAME, "PN", name, java.nio.charset.Charset.forName(javaCharset));
        assertThat(query.string(Tag.PATIENT_NAME, DicomCharsets.of(query))).isEqualTo(name);
    }

    @Test
    void refusesACharacterSetItDoesNotKnow() {
        Dataset query = new Dataset().putAscii(Tag.SPECIFIC_CHARACTER_SET, "CS", "ISO 2022 IR 87");
        assertThatThrownBy(() -> DicomCharsets.of(query)).hasMessageContaining("ISO 2022 IR 87");
    }
}
