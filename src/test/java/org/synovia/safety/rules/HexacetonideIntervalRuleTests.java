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

class HexacetonideIntervalRuleTests {

    @ParameterizedTest(name = "{0} {1} days ago → {2}")
    @CsvSource({
            "TRIAMCINOLONE_HEXACETONIDE, 20, STOP",
            "TRIAMCINOLONE_HEXACETONIDE, 21, WARN",
            "TRIAMCINOLONE_HEXACETONIDE, 27, WARN",
            "TRIAMCINOLONE_HEXACETONIDE, 28, NONE",
            "METHYLPREDNISOLONE_ACETATE, 16, NONE",
    })
    void keepsThreeToFourWeeksAfterHexacetonide(InjectedAgent drug, int daysAgo, String expected) {
        var previous = new PreviousInjection("KNEE_JOINT", Laterality.RIGHT, D0.minusDays(daysAgo), drug, 20.0);
        var input = new SafetyInput(adult().build(), List.of(), List.of(previous), List.of(),
                kneeSteroid(Laterality.RIGHT, PlannedDrug.dose(InjectedAgent.TRIAMCINOLONE_HEXACETONIDE, 20)));
        var findings = assess(input).findingsOf("SAF-062");

        assertThat(findings.isEmpty() ? "NONE" : findings.get(0).severity().name()).isEqualTo(expected);
    }
}
