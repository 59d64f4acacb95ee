package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts.InrResult;
import org.synovia.safety.PlanAction;
import org.synovia.safety.Severity;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

class WarfarinRuleTests {

    @ParameterizedTest(name = "INR {0} taken {1} days before → {2}")
    @CsvSource({
            "2.9, 1, INFO",
            "3.0, 1, STOP",
            "3.1, 1, STOP",
            "2.5, 0, INFO",
            "2.5, 2, WARN",
            "2.5, -1, WARN",
    })
    void checksTheInrBeforeALowRiskInjection(double inr, int daysBefore, Severity expected) {
        var patient = adult().latestInr(new InrResult(inr, D0.minusDays(daysBefore))).build();
        var result = assess(input(patient, trochantericBursa(),
                Medicine.of(Antithrombotic.WARFARIN, 5, DoseFrequency.ONCE_DAILY, time(18))));

        assertThat(result.planFor(Antithrombotic.WARFARIN).orElseThrow().action()).isEqualTo(PlanAction.CONTINUE);
        assertThat(result.findingsOf("SAF-012").get(0).severity()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1}:00 → last dose D{2} {3}:00, restart D{4} {5}:00")
    @CsvSource({
            "WARFARIN,      18, -6, 18, 0, 18",
            "WARFARIN,       8, -6,  8, 0, 15",
            "ACENOCOUMAROL, 18, -4, 18, 1, 18",
            "ACENOCOUMAROL,  8, -3,  8, 2,  8",
    })
    void stopsBeforeAnIntermediateOrHighRiskInjection(Antithrombotic drug, int hour, int lastDay, int lastHour,
            int restartDay, int restartHour) {
        var result = assess(input(adult().build(), cervicalFacet(), Medicine.of(drug, 3, DoseFrequency.ONCE_DAILY, time(hour))));

        var plan = result.planFor(drug).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.HOLD);
        assertThat(plan.lastDose()).isEqualTo(at(lastDay, lastHour));
        assertThat(plan.restart()).isEqualTo(at(restartDay, restartHour));
        assertThat(plan.inrCheck().from()).isEqualTo(D0.minusDays(1));
    }
}
