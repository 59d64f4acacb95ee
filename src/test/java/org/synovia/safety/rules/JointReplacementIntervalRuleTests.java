package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PatientFacts.PlannedJointReplacement;
import org.synovia.safety.PlannedDrug;
import org.synovia.shared.Laterality;

class JointReplacementIntervalRuleTests {

    @ParameterizedTest(name = "{0} {1} replaced {2} months {3} days after → {4}")
    @CsvSource({
            "KNEE_JOINT, LEFT,  2, 27, STOP",
            "KNEE_JOINT, LEFT,  3, 0,  WARN",
            "KNEE_JOINT, LEFT,  5, 30, WARN",
            "KNEE_JOINT, LEFT,  6, 0,  NONE",
            "KNEE_JOINT, LEFT,  0, 0,  STOP",
            "KNEE_JOINT, LEFT,  0, -1, STOP",
            "KNEE_JOINT, RIGHT, 1, 0,  NONE",
            "HIP_JOINT,  LEFT,  1, 0,  NONE",
    })
    void keepsThreeMonthsBeforeArthroplastyOfTheSameJoint(String site, Laterality side, int months, int days, String expected) {
        var replacement = new PlannedJointReplacement(D0.plusMonths(months).plusDays(days), site, side);
        var result = assess(input(adult().plannedJointReplacement(replacement).build(),
                kneeSteroid(Laterality.LEFT, PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40))));

        var findings = result.findingsOf("SAF-024");
        assertThat(findings.isEmpty() ? "NONE" : findings.get(0).severity().name()).isEqualTo(expected);
    }
}
