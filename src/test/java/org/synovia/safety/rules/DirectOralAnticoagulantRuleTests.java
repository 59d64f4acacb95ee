package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.DoacHold;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

class DirectOralAnticoagulantRuleTests {

    @ParameterizedTest(name = "{0} {1} at CrCl {2} → {3}, {4} h, {5} doses")
    @CsvSource({
            "APIXABAN,    TWICE_DAILY, 49,   HOLD, 72,  6",
            "APIXABAN,    TWICE_DAILY, 50,   HOLD, 72,  4",
            "APIXABAN,    TWICE_DAILY, 51,   HOLD, 72,  4",
            "RIVAROXABAN, ONCE_DAILY,  29,   HOLD, 72,  3",
            "RIVAROXABAN, ONCE_DAILY,  30,   HOLD, 72,  2",
            "RIVAROXABAN, ONCE_DAILY,  31,   HOLD, 72,  2",
            "EDOXABAN,    ONCE_DAILY,  20,   HOLD, 72,  2",
            "DABIGATRAN,  TWICE_DAILY, 49,   HOLD, 120, 6",
            "DABIGATRAN,  TWICE_DAILY, 50,   HOLD, 96,  4",
            "DABIGATRAN,  TWICE_DAILY, 51,   HOLD, 96,  4",
            "APIXABAN,    TWICE_DAILY, 15,   HOLD, 72,  6",
            "APIXABAN,    TWICE_DAILY, 14.9, REFER_TO_PRESCRIBER, 72, 6",
    })
    void holdsByAsraDaysAndSirDoseBands(Antithrombotic drug, DoseFrequency frequency, double crcl, PlanAction action,
            int hours, int doses) {
        var result = assess(input(adult().creatinineClearanceMlPerMin(crcl).build(), cervicalFacet(),
                Medicine.of(drug, 5, frequency)));

        var plan = result.planFor(drug).orElseThrow();
        assertThat(plan.action()).isEqualTo(action);
        assertThat(plan.minimumHoursSinceLastDose()).isEqualTo(hours);
        assertThat(plan.minimumOmittedDoses()).isEqualTo(doses);
    }

    @ParameterizedTest(name = "policy {0} → last dose D{1} {2}:00")
    @CsvSource({"BOTH, -3, 8", "ASRA_DAYS, -3, 8", "SIR_DOSES, -2, 8"})
    void followsTheLocalPolicyForDaysAndDoses(DoacHold choice, int day, int hour) {
        var policy = new LocalPolicy(null, null, choice, null, null, null, null, null, null, null, null, null, null, null);
        var result = assess(input(adult().creatinineClearanceMlPerMin(60.0).build(), cervicalFacet(),
                Medicine.of(Antithrombotic.APIXABAN, 5, DoseFrequency.TWICE_DAILY)), policy);

        var plan = result.planFor(Antithrombotic.APIXABAN).orElseThrow();
        assertThat(plan.lastDose()).isEqualTo(at(day, hour));
        assertThat(plan.restart()).isEqualTo(at(1, 20));
        assertThat(plan.policyChoice()).isEqualTo("doac-hold = " + choice);
    }

    @ParameterizedTest(name = "optional low-risk gap {0} h → {1}")
    @CsvSource({"0, CONTINUE", "24, HOLD"})
    void offersTheUkProviderGapOnlyWhenTurnedOn(int hours, PlanAction action) {
        var policy = new LocalPolicy(null, null, null, null, null, null, null, null, hours, null, null, null, null, null);
        var result = assess(input(adult().build(), trochantericBursa(),
                Medicine.of(Antithrombotic.APIXABAN, 5, DoseFrequency.TWICE_DAILY)), policy);

        assertThat(result.planFor(Antithrombotic.APIXABAN).orElseThrow().action()).isEqualTo(action);
    }
}
