package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.PreviousInjection;
import org.synovia.safety.SafetyInput;
import org.synovia.shared.Laterality;

class SteroidAnnualCountRuleTests {

    @ParameterizedTest(name = "{0} earlier injections, oldest {1} days ago → {2}")
    @CsvSource({
            "2, 300, INFO",
            "3, 300, WARN",
            "4, 300, STOP",
            "3, 364, WARN",
            "3, 365, INFO",
    })
    void countsInjectionsIntoOneJointOverTwelveMonths(int earlier, int oldestDaysAgo, String expected) {
        List<PreviousInjection> history = new ArrayList<>();
        history.add(new PreviousInjection("KNEE_JOINT", Laterality.LEFT, D0.minusDays(oldestDaysAgo),
                InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40.0));
        for (int i = 1; i < earlier; i++) {
            history.add(new PreviousInjection("KNEE_JOINT", Laterality.LEFT, D0.minusDays(90L * i),
                    InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40.0));
        }
        var input = new SafetyInput(adult().build(), List.of(), history, List.of(),
                kneeSteroid(Laterality.LEFT, PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)));

        assertThat(assess(input).findingsOf("SAF-061").get(0).severity().name()).isEqualTo(expected);
    }
}
