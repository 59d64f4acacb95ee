package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts.BleedingRiskFactors;
import org.synovia.safety.PlanAction;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

class OtherAntiplateletRuleTests {

    @ParameterizedTest(name = "{0}, cervical {1}, older age {2} → {3}")
    @CsvSource({
            "DIPYRIDAMOLE, false, false, CONTINUE",
            "DIPYRIDAMOLE, true,  false, REFER_TO_PRESCRIBER",
            "CILOSTAZOL,   false, false, CONTINUE",
            "CILOSTAZOL,   true,  false, CONTINUE",
            "CILOSTAZOL,   true,  true,  REFER_TO_PRESCRIBER",
    })
    void followsAsraAndSir(Antithrombotic drug, boolean cervical, boolean olderAge, PlanAction action) {
        var patient = adult().bleedingRiskFactors(new BleedingRiskFactors(olderAge, false, false, false)).build();
        var result = assess(input(patient, cervical ? cervicalFacet() : trochantericBursa(),
                Medicine.of(drug, 100, DoseFrequency.TWICE_DAILY)));

        assertThat(result.planFor(drug).orElseThrow().action()).isEqualTo(action);
    }
}
