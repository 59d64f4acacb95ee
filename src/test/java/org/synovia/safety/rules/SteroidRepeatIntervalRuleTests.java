package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.PreviousInjection;
import org.synovia.safety.SafetyInput;
import org.synovia.shared.Laterality;

class SteroidRepeatIntervalRuleTests {

    @ParameterizedTest(name = "{0} {1} {2} days ago → {3}")
    @CsvSource({
            "LEFT,      METHYLPREDNISOLONE_ACETATE, 41, STOP",
            "LEFT,      METHYLPREDNISOLONE_ACETATE, 42, WARN",
            "LEFT,      METHYLPREDNISOLONE_ACETATE, 43, WARN",
            "LEFT,      METHYLPREDNISOLONE_ACETATE, 83, WARN",
            "LEFT,      METHYLPREDNISOLONE_ACETATE, 84, NONE",
            "RIGHT,     METHYLPREDNISOLONE_ACETATE, 10, NONE",
            "BILATERAL, METHYLPREDNISOLONE_ACETATE, 10, STOP",
            "LEFT,      HYALURONAN,                 10, NONE",
            "LEFT,      ,                           10, STOP",
    })
    void keepsTheIntervalBetweenSteroidsIntoOneJoint(Laterality side, InjectedAgent drug, int daysAgo, String expected) {
        var previous = new PreviousInjection("KNEE_JOINT", side, D0.minusDays(daysAgo), drug, 40.0);
        var input = new SafetyInput(adult().build(), List.of(), List.of(previous), List.of(),
                kneeSteroid(Laterality.LEFT, PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)));
        var findings = assess(input).findingsOf("SAF-060");

        assertThat(findings.isEmpty() ? "NONE" : findings.get(0).severity().name()).isEqualTo(expected);
        findings.forEach(f -> assertThat(f.justificationRequired()).isEqualTo(expected.equals("WARN")));
    }
}
