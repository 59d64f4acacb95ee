package org.synovia.dicom.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Tag;

/** PS3.4 C.2.2.2 matching, one row per rule, at and beside each boundary. */
class MatchingTests {

    static ScheduledStep step() {
        return new ScheduledStep(UUID.randomUUID(), UUID.randomUUID(), "Παπαδοπούλου^Ζωή", "H123456", "SYNOVIA", "9990001234",
                LocalDate.of(1970, 3, 14), "F", "SYN00000042", "2.25.42", "Knee joint (right) injection", "Dr Referrer", "US",
                "US_ROOM1", "Room 1", LocalDateTime.of(2026, 11, 21, 9, 30), "Dr Operator",
                "Ultrasound guided injection, Knee joint (right)");
    }

    @ParameterizedTest(name = "{0} {1} ''{2}'' vs ''{3}'' -> {4}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // universal
            "PN|empty|''|Smith^Alex|true",
            "PN|only stars|**|Smith^Alex|true",
            "CS|empty against no value|''|''|true",
            // single value: case-sensitive except person names
            "CS|same|US|US|true",
            "CS|other case|us|US|false",
            "CS|other|CT|US|false",
            "SH|same|SYN00000042|SYN00000042|true",
            "SH|prefix only|SYN0000004|SYN00000042|false",
            "PN|other case|smith^alex|Smith^Alex|true",
            "PN|Greek other case|ΠΑΠΑΔΟΠΟΎΛΟΥ^ΖΩΉ|Παπαδοπούλου^Ζωή|true",
            "PN|different|Smith^Alan|Smith^Alex|false",
            "CS|value against none|US|''|false",
            // wildcards
            "PN|star prefix|Smi*|Smith^Alex|true",
            "PN|star inside|S*^Al*|Smith^Alex|true",
            "PN|question mark|Smit?^Alex|Smith^Alex|true",
            "PN|question mark is one character|Smi?^Alex|Smith^Alex|false",
            "PN|Cyrillic star|иван*|Иванова^Анна|true",
            "AE|star|US_*|US_ROOM1|true",
            "AE|star, other case|us_*|US_ROOM1|false",
            "LO|regex characters are literal|H1.3*|H123456|false",
            // UID lists
            "UI|one of a list|1.2.3\\2.25.42|2.25.42|true",
            "UI|none of a list|1.2.3\\1.2.4|2.25.42|false",
            "UI|no wildcard for UIDs|2.25.*|2.25.42|false",
            // dates
            "DA|single|20261121|20261121|true",
            "DA|single, day before|20261120|20261121|false",
            "DA|closed range, first day|20261121-20261130|20261121|true",
            "DA|closed range, last day|20261101-20261121|20261121|true",
            "DA|closed range, day after|20261101-20261120|20261121|false",
            "DA|open end|20261121-|20261121|true",
            "DA|open end, after start|20261122-|20261121|false",
            "DA|open start|-20261121|20261121|true",
            "DA|open start, before end|-20261120|20261121|false",
            "DA|old dotted form|2026.11.21|20261121|true",
            // times
            "TM|range|0900-1000|093000|true",
            "TM|range, end to the minute includes its seconds|0900-0930|093059|true",
            "TM|range, before start|0931-1000|093000|false",
            "TM|open end|0930-|093000|true",
            "TM|open start|-0929|093000|false",
            "TM|hour only end covers the hour|08-09|095959|true",
            "TM|fraction|093000.000000-093000.5|093000|true" })
    void matchesOneValue(String vr, String rule, String wanted, String actual, boolean expected) throws DicomFormatException {
        assertThat(Matching.valueMatches(vr, wanted, actual)).as(rule).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "2026-11, Date", "20261321, does not exist", "20261101-20261102-20261103, more than one", "-, neither end",
            "25, Time", "2560, does not exist" })
    void refusesMalformedDatesAndTimes(String value, String message) {
        String vr = value.length() <= 4 && !value.equals("-") ? "TM" : "DA";
        assertThatThrownBy(() -> Matching.valueMatches(vr, value, vr.equals("DA") ? "20261121" : "093000"))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining(message);
    }

    private static Attributes query(String date, String time, String modality, String station) {
        Attributes item = new Attributes();
        if (date != null) {
            item.put(Tag.SCHEDULED_PROCEDURE_STEP_START_DATE, date);
        }
        if (time != null) {
            item.put(Tag.SCHEDULED_PROCEDURE_STEP_START_TIME, time);
        }
        if (modality != null) {
            item.put(Tag.MODALITY, modality);
        }
        if (station != null) {
            item.put(Tag.SCHEDULED_STATION_AE_TITLE, station);
        }
        return new Attributes().put(Tag.PATIENT_NAME, "").put(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE, List.of(item));
    }

    @ParameterizedTest(name = "date {0} time {1} -> {2}")
    @CsvSource(nullValues = "NULL", value = {
            // the step starts 2026-11-21 09:30
            "20261121, 0900-1000, true",
            "20261121, 1000-1100, false",
            "20261120-20261121, 0930-, true",
            // combined: from 20 Nov 10:00 to 21 Nov 09:00 holds 21 Nov 09:30? no
            "20261120-20261121, 1000-0900, false",
            // combined: from 20 Nov 10:00 to 21 Nov 10:00 holds 21 Nov 09:30
            "20261120-20261121, 1000-1000, true",
            "20261121-, 0931-, false",
            "-20261121, -0930, true",
            "'', 0900-1000, true",
            "'', 1000-1100, false",
            "20261121, '', true",
            "NULL, NULL, true" })
    void combinesStartDateAndTimeIntoOneRange(String date, String time, boolean expected) throws DicomFormatException {
        assertThat(Matching.matches(query(date, time, null, null), step().attributes())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "modality {0} station {1} -> {2}")
    @CsvSource(nullValues = "NULL", value = { "US, US_ROOM1, true", "CT, US_ROOM1, false", "US, CT_ROOM, false",
            "US, NULL, true", "'', '', true", "*, US_*, true" })
    void matchesKeysInsideTheScheduledStepItem(String modality, String station, boolean expected) throws DicomFormatException {
        assertThat(Matching.matches(query(null, null, modality, station), step().attributes())).isEqualTo(expected);
    }

    @Test
    void treatsAnEmptySequenceAsUniversal() throws DicomFormatException {
        Attributes query = new Attributes().put(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE, List.of());
        assertThat(Matching.matches(query, step().attributes())).isTrue();
        Attributes answer = Matching.project(query, step().attributes());
        assertThat(answer.items(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE).getFirst().text(Tag.SCHEDULED_STATION_AE_TITLE))
                .isEqualTo("US_ROOM1");
    }

    @Test
    void returnsOnlyTheKeysAskedForWithEmptyValuesForUnknownOnes() throws DicomFormatException {
        Attributes query = query(null, null, "US", null).put(Tag.ACCESSION_NUMBER, "").put(0x00101030, "")
                .put(Tag.SPECIFIC_CHARACTER_SET, "ISO_IR 100");
        Attributes answer = Matching.project(query, step().attributes());
        assertThat(answer.tags()).containsExactly(Tag.PATIENT_NAME, Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE, Tag.ACCESSION_NUMBER,
                0x00101030);
        assertThat(answer.text(Tag.ACCESSION_NUMBER)).isEqualTo("SYN00000042");
        assertThat(answer.text(0x00101030)).isEmpty();
        Attributes item = answer.items(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE).getFirst();
        assertThat(item.tags()).containsExactly(Tag.MODALITY);
    }

    @Test
    void answersInTheCharacterSetTheNameNeeds() {
        Attributes answer = new Attributes().put(Tag.PATIENT_NAME, "Παπαδοπούλου^Ζωή");
        var dataset = answer.toDataset();
        assertThat(dataset.ascii(Tag.SPECIFIC_CHARACTER_SET)).isEqualTo("ISO_IR 192");
        assertThat(dataset.string(Tag.PATIENT_NAME, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Παπαδοπούλου^Ζωή");
        assertThat(new Attributes().put(Tag.PATIENT_NAME, "Müller^Zoë").toDataset().ascii(Tag.SPECIFIC_CHARACTER_SET))
                .isEqualTo("ISO_IR 100");
        assertThat(new Attributes().put(Tag.PATIENT_NAME, "Smith^Alex").toDataset().contains(Tag.SPECIFIC_CHARACTER_SET)).isFalse();
    }
}
