package org.synovia.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.InvalidInputException;

class PostalAddressTests {

    private static InvalidInputException problemsOf(List<String> lines, String town, String postcode) {
        try {
            new PostalAddress(lines, town, postcode);
        }
        catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected the address to be refused");
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "SW1A 1AA   | SW1A 1AA", "sw1a1aa    | SW1A 1AA", " sw1a  1aa | SW1A 1AA", "M1 1AE     | M1 1AE",
            "m11ae      | M1 1AE", "B33 8TH    | B33 8TH", "CR2 6XH    | CR2 6XH", "DN55 1PT   | DN55 1PT",
            "W1A 0AX    | W1A 0AX", "EC1A 1BB   | EC1A 1BB", "gir0aa     | GIR 0AA"})
    void normalisesAValidPostcodeToUpperCaseWithOneSpace(String typed, String stored) {
        assertThat(new PostalAddress(List.of("1 Test Street"), "Testville", typed).postcode()).isEqualTo(stored);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "SW1A 1A", "1AA 1AA", "SW1A 1AAA", "SWIAA 1AA", "SW1A-1AA", "12345", "A", "SW1A 1A1", "RG1 1AA RG1 1AA",
            "RG1\u00001AA"})
    void refusesAPostcodeNotInTheUkFormat(String typed) {
        assertThat(problemsOf(List.of("1 Test Street"), "Testville", typed).problems())
                .extracting(InvalidInputException.FieldProblem::field).containsExactly("postcode");
    }

    @ParameterizedTest
    @CsvSource({"ZZ99 3VZ", "zz993wz"})
    void refusesAnNhsPseudoPostcodeAsAnAddress(String pseudo) {
        assertThat(problemsOf(List.of("No fixed abode"), "Testville", pseudo).problems().getFirst().message())
                .contains("pseudo-postcode").contains("leave the address empty");
    }

    @ParameterizedTest(name = "[{index}] {0} characters in a line -> accepted {1}")
    @CsvSource({"1, true", "49, true", "50, true", "51, false", "200, false"})
    void limitsEachLineToWhatAWindowShows(int length, boolean accepted) {
        List<String> lines = List.of("1 Test Street", "x".repeat(length));
        if (accepted) {
            assertThat(new PostalAddress(lines, "Testville", "ZZ1 1TS").lines()).element(1).asString().hasSize(length);
        }
        else {
            assertThat(problemsOf(lines, "Testville", "ZZ1 1TS").problems()).extracting(InvalidInputException.FieldProblem::field)
                    .containsExactly("addressLine2");
        }
    }

    @ParameterizedTest(name = "[{index}] town of {0} characters -> accepted {1}")
    @CsvSource({"35, true", "36, false"})
    void limitsTheTown(int length, boolean accepted) {
        if (accepted) {
            assertThat(new PostalAddress(List.of("1 Test Street"), "T".repeat(length), "ZZ1 1TS").town()).hasSize(length);
        }
        else {
            assertThat(problemsOf(List.of("1 Test Street"), "T".repeat(length), "ZZ1 1TS").problems())
                    .extracting(InvalidInputException.FieldProblem::field).containsExactly("town");
        }
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @CsvSource({"0000", "0009", "000A", "001B", "007F", "0085", "200B", "202E", "2028", "2029", "FEFF"})
    void refusesControlAndFormatCharactersInsideALine(String codePoint) {
        String line = "1 Test" + Character.toString(Integer.parseInt(codePoint, 16)) + "Street";
        assertThat(problemsOf(List.of(line), "Testville", "ZZ1 1TS").problems())
                .extracting(InvalidInputException.FieldProblem::field).containsExactly("addressLine1");
        assertThat(problemsOf(List.of("1 Test Street"), "Test" + Character.toString(Integer.parseInt(codePoint, 16)) + "ville",
                "ZZ1 1TS").problems()).extracting(InvalidInputException.FieldProblem::field).containsExactly("town");
    }

    @Test
    void acceptsLettersOfOtherAlphabetsAndPunctuation() {
        PostalAddress address = new PostalAddress(List.of("Flat 2, Tŷ Gwyn", "O'Neill's Yard – Rear"), "Llanfair Pwllgwyngyll",
                "LL61 5UJ");
        assertThat(address.envelopeLines()).containsExactly("Flat 2, Tŷ Gwyn", "O'Neill's Yard – Rear", "LLANFAIR PWLLGWYNGYLL",
                "LL61 5UJ");
    }

    @Test
    void dropsBlankLinesAndTrimsTheRest() {
        PostalAddress address = new PostalAddress(Arrays.asList("  1 Test Street ", "", null, " Testfield"), " Testville ", "zz1 1ts");
        assertThat(address.lines()).containsExactly("1 Test Street", "Testfield");
        assertThat(address.line(2)).isEqualTo("Testfield");
        assertThat(address.line(3)).isNull();
        assertThat(address.oneLine()).isEqualTo("1 Test Street, Testfield, Testville, ZZ1 1TS");
    }

    @Test
    void refusesAFifthLine() {
        assertThat(problemsOf(List.of("a", "b", "c", "d", "e"), "Testville", "ZZ1 1TS").problems())
                .extracting(InvalidInputException.FieldProblem::field).containsExactly("addressLine4");
    }

    @Test
    void namesEveryMissingPartOfAPartlyTypedAddress() {
        assertThat(problemsOf(List.of(), null, "ZZ1 1TS").problems()).extracting(InvalidInputException.FieldProblem::field)
                .containsExactly("addressLine1", "town");
        assertThat(problemsOf(List.of("1 Test Street"), "Testville", " ").problems())
                .extracting(InvalidInputException.FieldProblem::field).containsExactly("postcode");
    }

    @Test
    void anAddressWithEveryPartBlankIsNotKnownRatherThanEmpty() {
        assertThat(PostalAddress.of(Arrays.asList(" ", null, "", null), "", null)).isEmpty();
        assertThat(PostalAddress.of(null, null, null)).isEmpty();
        assertThat(PostalAddress.of(List.of("1 Test Street"), "Testville", "ZZ1 1TS")).isPresent();
        assertThatThrownBy(() -> PostalAddress.of(List.of(), "Testville", null)).isInstanceOf(InvalidInputException.class);
    }
}
