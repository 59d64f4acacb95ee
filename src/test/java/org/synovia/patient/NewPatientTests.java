package org.synovia.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Sex;

class NewPatientTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static NewPatient with(String nhs, String hospital, String family, LocalDate born, String mobile) {
        return new NewPatient(nhs, hospital, family, "Alex", born, Sex.FEMALE, mobile, null, null, null, null);
    }

    private static InvalidInputException problemsOf(NewPatient patient) {
        try {
            patient.validated(TODAY);
        }
        catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected the patient to be rejected");
    }

    @Test
    void acceptsAPatientWithOnlyAHospitalNumber() {
        assertThat(with(null, "RBK12345", "Smith", LocalDate.of(1980, 1, 1), null).validated(TODAY)).isNotNull();
    }

    @Test
    void requiresAnNhsNumberOrAHospitalNumber() {
        assertThat(problemsOf(with(null, null, "Smith", LocalDate.of(1980, 1, 1), null)).problems())
                .extracting(InvalidInputException.FieldProblem::field).containsExactly("nhsNumber");
    }

    @Test
    void rejectsDateOfBirthInTheFutureButAcceptsToday() {
        assertThat(problemsOf(with("9434765919", null, "Smith", TODAY.plusDays(1), null)).problems())
                .extracting(InvalidInputException.FieldProblem::message).containsExactly("The date of birth cannot be in the future.");
        assertThat(with("9434765919", null, "Smith", TODAY, null).validated(TODAY)).isNotNull();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        NewPatient patient = new NewPatient("123", null, "", "", null, null, "12", "not-an-email", null, null, null);
        assertThat(problemsOf(patient).problems()).extracting(InvalidInputException.FieldProblem::field)
                .containsExactlyInAnyOrder("nhsNumber", "familyName", "givenName", "dateOfBirth", "sex", "mobile", "email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "Smith<b>", "Robert'); DROP TABLE patient;--"})
    void rejectsMarkupAndSymbolsInNames(String name) {
        assertThat(problemsOf(with("9434765919", null, name, LocalDate.of(1980, 1, 1), null)).problems())
                .extracting(InvalidInputException.FieldProblem::field).containsExactly("familyName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"O'Brien", "Smith-Jones", "Ní Bhriain", "Zoë", "de la Cruz", "Øvergård"})
    void acceptsRealNames(String name) {
        assertThat(with("9434765919", null, name, LocalDate.of(1980, 1, 1), null).validated(TODAY)).isNotNull();
    }

    @Test
    void rejectsAnOversizedName() {
        assertThat(problemsOf(with("9434765919", null, "A".repeat(81), LocalDate.of(1980, 1, 1), null)).problems())
                .extracting(InvalidInputException.FieldProblem::message).containsExactly("Use at most 80 characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "07700900123", "+44 7700 900123"})
    void acceptsUkMobileNumbers(String mobile) {
        assertThat(with("9434765919", null, "Smith", LocalDate.of(1980, 1, 1), mobile).validated(TODAY)).isNotNull();
    }

    @Test
    void rejectsABirthMoreThan130YearsAgo() {
        assertThatThrownBy(() -> with("9434765919", null, "Smith", TODAY.minusYears(131), null).validated(TODAY))
                .isInstanceOf(InvalidInputException.class);
    }
}
