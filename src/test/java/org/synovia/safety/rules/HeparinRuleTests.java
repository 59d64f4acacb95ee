package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.HeparinBeforeLowRisk;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

class HeparinRuleTests {

    @ParameterizedTest(name = "low risk, {0}, policy {1} → {2} {3} h")
    @CsvSource({
            "ENOXAPARIN_PROPHYLACTIC,  ASRA_HOLD,    HOLD,     12",
            "ENOXAPARIN_PROPHYLACTIC,  SIR_CONTINUE, CONTINUE, ",
            "DALTEPARIN_THERAPEUTIC,   ASRA_HOLD,    HOLD,     24",
            "ENOXAPARIN_THERAPEUTIC,   SIR_CONTINUE, CONTINUE, ",
            "HEPARIN_SUBCUTANEOUS,     ASRA_HOLD,    HOLD,     6",
            "HEPARIN_INTRAVENOUS,      ASRA_HOLD,    REFER_TO_PRESCRIBER, 6",
            "FONDAPARINUX,             ASRA_HOLD,    REFER_TO_PRESCRIBER, 96",
    })
    void choosesBetweenAsraAndSirBeforeLowRiskInjections(Antithrombotic drug, HeparinBeforeLowRisk choice, PlanAction action,
            Integer hours) {
        var policy = new LocalPolicy(null, choice, null, null, null, null, null, null, null, null, null, null, null, null);
        var result = assess(input(adult().build(), trochantericBursa(), Medicine.of(drug, 40, DoseFrequency.ONCE_DAILY)), policy);

        var plan = result.planFor(drug).orElseThrow();
        assertThat(plan.action()).isEqualTo(action);
        assertThat(plan.minimumHoursSinceLastDose()).isEqualTo(hours);
    }

    @ParameterizedTest(name = "elevated, {0} CrCl {1} → {2} h, {3} doses, {4} whole days")
    @CsvSource({
            "ENOXAPARIN_PROPHYLACTIC, 80, 12, 1, 0",
            "ENOXAPARIN_THERAPEUTIC,  80, 24, 0, 0",
            "HEPARIN_SUBCUTANEOUS,    80, 6,  0, 0",
            "FONDAPARINUX,            49, 96, 0, 3",
            "FONDAPARINUX,            50, 96, 0, 2",
            "FONDAPARINUX,            51, 96, 0, 2",
    })
    void holdsBeforeIntermediateOrHighRiskInjections(Antithrombotic drug, double crcl, int hours, int doses, int days) {
        var result = assess(input(adult().creatinineClearanceMlPerMin(crcl).build(), cervicalFacet(),
                Medicine.of(drug, 40, DoseFrequency.ONCE_DAILY)));

        var plan = result.planFor(drug).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.HOLD);
        assertThat(plan.minimumHoursSinceLastDose()).isEqualTo(hours);
        assertThat(plan.minimumOmittedDoses()).isEqualTo(doses);
        assertThat(plan.minimumWholeDaysOff()).isEqualTo(days);
    }
}
