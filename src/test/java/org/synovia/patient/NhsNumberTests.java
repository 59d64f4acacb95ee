package org.synovia.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTests {

    @ParameterizedTest
    @CsvSource({
            "9434765919, 943 476 5919",
            "943 476 5919, 943 476 5919",
            "943-476-5919, 943 476 5919",
            "4010232137, 401 023 2137",
            "9990000077, 999 000 0077"})
    void acceptsNumbersWithCorrectCheckDigitAndFormatsThem(String input, String formatted) {
        assertThat(new NhsNumber(input).formatted()).isEqualTo(formatted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "9434765910", "4010232138"})
    void rejectsNumberWithBadCheckDigit(String input) {
        assertThatThrownBy(() -> new NhsNumber(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "94347659190", "94347659a9", "abcdefghij"})
    void rejectsAnythingButTenDigits(String input) {
        assertThatThrownBy(() -> new NhsNumber(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 digits");
    }

    @Test
    void usesCheckDigitZeroWhenElevenMinusRemainderIsEleven() {
        // weighted sum 0 → 11 − 0 = 11 → check digit 0
        assertThat(NhsNumber.isValid("0000000000")).isTrue();
        assertThat(NhsNumber.isValid("0000000001")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void rejectsEveryNumberWhoseCheckDigitWouldBeTen(int lastDigit) {
        // 1×10 + 1×2 = 12; 12 mod 11 = 1; 11 − 1 = 10: no valid check digit exists for this stem
        assertThat(NhsNumber.isValid("100000001" + lastDigit)).isFalse();
    }
}
