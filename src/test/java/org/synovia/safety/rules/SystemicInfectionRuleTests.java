package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.Finding;
import org.synovia.safety.Severity;

class SystemicInfectionRuleTests {

    @ParameterizedTest(name = "present {0} → {1} finding(s)")
    @CsvSource({"true, 1", "false, 0"})
    void defersDuringSystemicInfection(boolean present, int findings) {
        var result = assess(input(adult().systemicInfection(present).build(), trochantericBursa()));

        assertThat(result.findingsOf("SAF-021")).hasSize(findings).extracting(Finding::severity)
                .allMatch(s -> s == Severity.STOP);
        assertThat(result.mayProceed()).isEqualTo(!present);
    }
}
