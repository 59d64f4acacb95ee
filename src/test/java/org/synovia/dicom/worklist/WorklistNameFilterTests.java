package org.synovia.dicom.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A name pattern that could match a name cut to 64 characters is widened before it reaches the database (ADR 0047). */
class WorklistNameFilterTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "SMITH^JOHN|SMITH^JOHN",
            "SMITH*|SMITH*",
            "*SMITH|*SMITH*",
            "S*TH^JOHN|S*TH^JOHN*",
            "''|null",
            "**|null" })
    void widensOnlyWhatACutNameCouldMatch(String pattern, String forDatabase) {
        assertThat(AppointmentWorklist.nameForDatabase(pattern)).isEqualTo(forDatabase);
    }

    @ParameterizedTest
    @CsvSource({ "31, false", "32, true", "64, true", "65, false" })
    void widensAPatternWithoutWildcardsAsLongAsACutName(int length, boolean widened) {
        String pattern = "A".repeat(length);
        assertThat(AppointmentWorklist.nameForDatabase(pattern)).isEqualTo(widened ? pattern + "*" : pattern);
    }
}
