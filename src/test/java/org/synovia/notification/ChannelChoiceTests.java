package org.synovia.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelChoiceTests {

    @ParameterizedTest(name = "preferred {0}, opted out {1}, email {2}, mobile {3}, texts {4}, must {5} → {6}")
    @CsvSource(nullValues = "-", value = {
            // no preference: email, else text, else letter
            "-,      false, true,  true,  true,  false, EMAIL",
            "-,      false, false, true,  true,  false, SMS",
            "-,      false, false, true,  false, false, LETTER",
            "-,      false, false, false, true,  false, LETTER",
            // preferred when it reaches the patient, else the order above
            "SMS,    false, true,  true,  true,  false, SMS",
            "SMS,    false, true,  false, true,  false, EMAIL",
            "SMS,    false, true,  true,  false, false, EMAIL",
            "LETTER, false, true,  true,  true,  false, LETTER",
            "EMAIL,  false, false, true,  true,  false, SMS",
            // opted out: only what the clinic must say, on paper
            "EMAIL,  true,  true,  true,  true,  true,  LETTER",
            "-,      true,  true,  true,  true,  false, -",
    })
    void choosesTheChannelThatReachesThePatient(Channel preferred, boolean optedOut, boolean hasEmail, boolean hasMobile,
            boolean texts, boolean mustInform, Channel expected) {
        ContactPreference preference = new ContactPreference(UUID.randomUUID(), preferred, optedOut, Instant.EPOCH, "clerk");

        assertThat(ChannelChoice.choose(preference, hasEmail, hasMobile, texts, mustInform).orElse(null)).isEqualTo(expected);
    }
}
