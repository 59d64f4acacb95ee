package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.InvalidInputException;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy(false, "synovia-demo");

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                                         | at least 12 characters
            eleven chrs                                  | at least 12 characters
            '            '                               | only spaces
            '                                          ' | only spaces
            aaaaaaaaaaaa                                 | one character repeated
            password1234                                 | most common
            Password1234!                                | most common
            PASSWORD12345678                             | most common
            qwertyuiop123                                | most common
            123456789012                                 | most common
            correcthorsebatterystaple                    | most common
            synovia-demo                                 | demo password
            SYNOVIA-DEMO                                 | demo password
            Dr.Patel2026!!                               | account's name
            dr.patel@1234                                | account's name
            """)
    void refusesWeakPasswords(String password, String reason) {
        assertThat(policy.problem("dr.patel", password)).hasValueSatisfying(message -> assertThat(message).contains(reason));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            correct horse battery
            twelve chars
            knee-injection-tuesday
            Zürich ölçü ñandú 2026
            """)
    void acceptsPasswordsOfTwelveCharactersUpToSeventyTwoBytes(String password) {
        assertThat(policy.problem("dr.patel", password)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} characters of {1} bytes each")
    @CsvSource(textBlock = """
            72, a, true
            73, a, false
            36, é, true
            37, é, false
            18, 😀, true
            19, 😀, false
            128, a, false
            """)
    void measuresTheUpperLimitInUtf8Bytes(int count, String character, boolean accepted) {
        String password = "x" + character.repeat(count - 1);
        if (accepted) {
            assertThat(policy.problem("dr.patel", password)).isEmpty();
        }
        else {
            assertThat(policy.problem("dr.patel", password)).hasValueSatisfying(message -> assertThat(message).contains("72 bytes"));
        }
    }

    @org.junit.jupiter.api.Test
    void acceptsTheDemoPasswordOnlyOnADemoInstallation() {
        assertThat(new PasswordPolicy(true, "synovia-demo").problem("dr.patel", "synovia-demo")).isEmpty();
        assertThatThrownBy(() -> policy.check("dr.patel", "synovia-demo")).isInstanceOf(InvalidInputException.class);
    }
}
