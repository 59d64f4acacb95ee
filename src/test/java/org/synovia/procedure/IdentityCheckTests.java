package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.patient.NhsNumber;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Sex;

class IdentityCheckTests {

    private static final Patient PATIENT = new Patient(new PatientId(java.util.UUID.randomUUID()), new NhsNumber("9434765919"),
            null, "O'Brien-Smith", "Zoë", LocalDate.of(1970, 3, 14), Sex.FEMALE, null, null, null, null, null, Instant.EPOCH);

    @ParameterizedTest(name = "[{index}] {0} / {1} / {2} -> {3}")
    @CsvSource(nullValues = "-", textBlock = """
            Zoë O'Brien-Smith,   1970-03-14, -,              'full name, date of birth'
            o'brien smith zoe,   1970-03-14, -,              'full name, date of birth'
            -,                   1970-03-14, 943 476 5919,   'date of birth, NHS number'
            Zoe O'Brien-Smith,   -,          9434765919,     'full name, NHS number'
            Zoe O'Brien-Smith,   1970-03-14, 9434765919,     'full name, date of birth, NHS number'
            """)
    void confirmsTwoOrMoreMatchingIdentifiers(String name, LocalDate born, String nhs, String used) {
        assertThat(new IdentityCheck(name, born, nhs).confirm(PATIENT)).isEqualTo(used);
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} / {2} refused on {3}")
    @CsvSource(nullValues = "-", textBlock = """
            Zoe Smith,           1970-03-14, -,            fullName
            Zoe O'Brien-Smith,   1970-03-15, -,            dateOfBirth
            Zoe O'Brien-Smith,   1970-03-14, 9434765927,   nhsNumber
            Zoe O'Brien-Smith,   -,          -,            fullName
            -,                   -,          -,            fullName
            """)
    void refusesAMismatchOrFewerThanTwoIdentifiers(String name, LocalDate born, String nhs, String field) {
        assertThatThrownBy(() -> new IdentityCheck(name, born, nhs).confirm(PATIENT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field).contains(field));
    }

    @Test
    void refusesEvenWhenTwoOtherIdentifiersMatch() {
        assertThatThrownBy(() -> new IdentityCheck("Zoe O'Brien-Smith", LocalDate.of(1970, 3, 14), "9434765927").confirm(PATIENT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NHS number given does not match");
    }

    private static final Patient WITH_HOSPITAL_NUMBER = new Patient(new PatientId(java.util.UUID.randomUUID()), null, "RX12345",
            "Example", "Sam", LocalDate.of(1980, 1, 2), Sex.MALE, null, null, null, null, null, Instant.EPOCH);

    @ParameterizedTest(name = "[{index}] {0} / {1} / {2} -> {3}")
    @CsvSource(nullValues = "-", textBlock = """
            Sam Example,   -,          RX12345,    'full name, hospital number'
            -,             1980-01-02, rx 12345,   'date of birth, hospital number'
            Sam Example,   1980-01-02, RX12345,    'full name, date of birth, hospital number'
            """)
    void acceptsTheHospitalNumberAsOneOfTheTwo(String name, LocalDate born, String hospitalNumber, String used) {
        assertThat(new IdentityCheck(name, born, null, hospitalNumber).confirm(WITH_HOSPITAL_NUMBER)).isEqualTo(used);
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} refused: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            Sam Example,       RX12346,  hospital number given does not match
            Sam Example,       RX1234,   hospital number given does not match
            -,                 RX12345,  at least two identifiers
            """)
    void refusesAWrongHospitalNumberOrItAlone(String name, String hospitalNumber, String message) {
        assertThatThrownBy(() -> new IdentityCheck(name, null, null, hospitalNumber).confirm(WITH_HOSPITAL_NUMBER))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    }

    @Test
    void refusesAHospitalNumberForAPatientWhoHasNone() {
        assertThatThrownBy(() -> new IdentityCheck("Zoe O'Brien-Smith", LocalDate.of(1970, 3, 14), null, "RX12345").confirm(PATIENT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("hospitalNumber"))
                .hasMessageContaining("no hospital number on record");
    }
}
