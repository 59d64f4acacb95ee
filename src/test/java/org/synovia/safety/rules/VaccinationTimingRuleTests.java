package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.Vaccination;
import org.synovia.safety.VaccineType;

class VaccinationTimingRuleTests {

    @ParameterizedTest(name = "{0} vaccine {1} days after the injection → {2}")
    @CsvSource({
            "MRNA,              13, WARN",
            "MRNA,              14, NONE",
            "MRNA,               0, WARN",
            "MRNA,              -6, WARN",
            "MRNA,              -7, NONE",
            "ADENOVIRUS_VECTOR, -13, WARN",
            "ADENOVIRUS_VECTOR, -14, NONE",
            "ADENOVIRUS_VECTOR,  14, NONE",
            "OTHER,              3, INFO",
            "OTHER,             20, NONE",
    })
    void spacesSteroidInjectionsFromCovidVaccines(VaccineType type, int daysAfterInjection, String expected) {
        var input = new SafetyInput(adult().build(), List.of(), List.of(),
                List.of(new Vaccination(type, D0.plusDays(daysAfterInjection))), trochantericBursa());
        var findings = assess(input).findingsOf("SAF-082");

        assertThat(findings.isEmpty() ? "NONE" : findings.get(0).severity().name()).isEqualTo(expected);
    }
}
