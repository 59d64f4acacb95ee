package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.ClopidogrelHold;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

class P2y12InhibitorRuleTests {

    @ParameterizedTest(name = "{0}, policy {1} → {2} h, last dose D{3} 08:00")
    @CsvSource({
            "CLOPIDOGREL, ASRA_7_DAYS, 168, -7",
            "CLOPIDOGREL, SIR_5_DAYS,  120, -5",
            "PRASUGREL,   ASRA_7_DAYS, 240, -10",
            "TICAGRELOR,  ASRA_7_DAYS, 120, -5",
    })
    void holdsBeforeIntermediateOrHighRiskInjections(Antithrombotic drug, ClopidogrelHold choice, int hours, int day) {
        var policy = new LocalPolicy(null, null, null, choice, null, null, null, null, null, null, null, null, null, null);
        var result = assess(input(adult().build(), cervicalFacet(), Medicine.of(drug, 75, DoseFrequency.ONCE_DAILY)), policy);

        var plan = result.planFor(drug).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.HOLD);
        assertThat(plan.minimumHoursSinceLastDose()).isEqualTo(hours);
        assertThat(plan.lastDose()).isEqualTo(at(day, 8));
        assertThat(plan.restart()).isEqualTo(at(2, 8));
    }

    @ParameterizedTest(name = "low risk, {0} → continue")
    @CsvSource({"CLOPIDOGREL", "PRASUGREL", "TICAGRELOR"})
    void continuesBeforeLowRiskInjections(Antithrombotic drug) {
        var result = assess(input(adult().build(), trochantericBursa(), Medicine.of(drug, 75, DoseFrequency.ONCE_DAILY)));

        assertThat(result.planFor(drug).orElseThrow().action()).isEqualTo(PlanAction.CONTINUE);
    }
}
