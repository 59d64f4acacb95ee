package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.safety.PreventionIndication;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

class AspirinRuleTests {

    @ParameterizedTest(name = "{0}, cervical {1} → {2}")
    @CsvSource({
            "SECONDARY_PREVENTION, false, CONTINUE",
            "PRIMARY_PREVENTION,   false, CONTINUE",
            "SECONDARY_PREVENTION, true,  REFER_TO_PRESCRIBER",
            "UNKNOWN,              true,  REFER_TO_PRESCRIBER",
            "PRIMARY_PREVENTION,   true,  HOLD",
    })
    void neverStopsSecondaryPreventionAutomatically(PreventionIndication indication, boolean cervical, PlanAction action) {
        var medicine = Medicine.of(Antithrombotic.ASPIRIN, 75, DoseFrequency.ONCE_DAILY).withIndication(indication);
        var result = assess(input(adult().build(), cervical ? cervicalFacet() : trochantericBursa(), medicine));

        assertThat(result.planFor(Antithrombotic.ASPIRIN).orElseThrow().action()).isEqualTo(action);
    }

    @ParameterizedTest(name = "primary prevention at {0}:00 → last dose D−4 (SIR's lower bound), restart D+1")
    @CsvSource({"8", "20"})
    void holdsPrimaryPreventionThreeWholeDaysAndRestartsTheDayAfter(int hour) {
        var medicine = Medicine.of(Antithrombotic.ASPIRIN, 75, DoseFrequency.ONCE_DAILY, time(hour))
                .withIndication(PreventionIndication.PRIMARY_PREVENTION);
        var plan = assess(input(adult().build(), cervicalFacet(), medicine)).planFor(Antithrombotic.ASPIRIN).orElseThrow();

        assertThat(plan.lastDose()).isEqualTo(at(-4, hour));
        assertThat(plan.restart()).isEqualTo(at(1, hour));
        assertThat(plan.advisories()).singleElement().asString().contains("up to 5 whole days").contains("D−6");
    }
}
