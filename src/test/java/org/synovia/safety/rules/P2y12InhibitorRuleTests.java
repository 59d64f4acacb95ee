package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.ClopidogrelHold;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.safety.PreventionIndication;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

class P2y12InhibitorRuleTests {

    /**
     * Cervical facet (ASRA intermediate, SIR high), primary prevention so that the hold is planned; dose
     * at {@code doseHour}. ASRA "N days" is N×24 h, SIR "N days" N whole days off; the restart is the
     * earliest either source permits (clopidogrel SIR 6 h, the others ASRA 12 h from the 12–24 h range).
     * A once-daily dose due on the procedure morning is delayed to the restart time, not skipped.
     */
    @ParameterizedTest(name = "{0} at {2}:00, policy {1} → {3} h, last dose D{4} {2}:00, restart D{5} {6}:00")
    @CsvSource({
            "CLOPIDOGREL, BOTH,        8,  168, -7, 0, 15",
            "CLOPIDOGREL, BOTH,        20, 168, -8, 0, 20",
            "CLOPIDOGREL, ASRA_7_DAYS, 8,  168, -7, 0, 21",
            "CLOPIDOGREL, ASRA_7_DAYS, 20, 168, -8, 1, 20",
            "CLOPIDOGREL, SIR_5_DAYS,  8,  0,   -6, 0, 15",
            "CLOPIDOGREL, SIR_5_DAYS,  20, 0,   -6, 0, 20",
            "PRASUGREL,   BOTH,        8,  168, -8, 0, 21",
            "TICAGRELOR,  BOTH,        8,  120, -6, 0, 21",
            "TICAGRELOR,  BOTH,        20, 120, -6, 1, 20",
    })
    void holdsBeforeIntermediateOrHighRiskInjections(Antithrombotic drug, ClopidogrelHold choice, int doseHour, int hours,
            int lastDay, int restartDay, int restartHour) {
        var policy = new LocalPolicy(null, null, null, choice, null, null, null, null, null, null, null, null, null, null);
        var medicine = Medicine.of(drug, 75, DoseFrequency.ONCE_DAILY, time(doseHour))
                .withIndication(PreventionIndication.PRIMARY_PREVENTION);
        var result = assess(input(adult().build(), cervicalFacet(), medicine), policy);

        var plan = result.planFor(drug).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.HOLD);
        assertThat(plan.minimumHoursSinceLastDose()).isEqualTo(hours);
        assertThat(plan.lastDose()).isEqualTo(at(lastDay, doseHour));
        assertThat(plan.restart()).isEqualTo(at(restartDay, restartHour));
    }

    @ParameterizedTest(name = "prasugrel: ASRA's 7–10 days read as 7, with 10 shown as an advisory")
    @CsvSource({"8"})
    void showsTheUpperBoundOfAsrasPrasugrelRangeAsAnAdvisory(int doseHour) {
        var medicine = Medicine.of(Antithrombotic.PRASUGREL, 10, DoseFrequency.ONCE_DAILY, time(doseHour))
                .withIndication(PreventionIndication.PRIMARY_PREVENTION);
        var plan = assess(input(adult().build(), cervicalFacet(), medicine)).planFor(Antithrombotic.PRASUGREL).orElseThrow();

        assertThat(plan.lastDose()).isEqualTo(at(-8, doseHour));
        assertThat(plan.advisories()).anySatisfy(a -> assertThat(a).contains("ASRA 2018 allows up to 10 days")
                .contains("D−10 08:00"));
    }

    @ParameterizedTest(name = "{0} for {1} before a cervical facet → {2}, proposed last dose {3}")
    @CsvSource({
            "CLOPIDOGREL, SECONDARY_PREVENTION, REFER_TO_PRESCRIBER, D−7 08:00",
            "CLOPIDOGREL, UNKNOWN,              REFER_TO_PRESCRIBER, D−7 08:00",
            "CLOPIDOGREL, PRIMARY_PREVENTION,   HOLD,                D−7 08:00",
            "TICAGRELOR,  SECONDARY_PREVENTION, REFER_TO_PRESCRIBER, D−6 08:00",
    })
    void neverStopsSecondaryPreventionAutomatically(Antithrombotic drug, PreventionIndication indication, PlanAction action,
            String proposedLastDose) {
        var medicine = Medicine.of(drug, 75, DoseFrequency.ONCE_DAILY).withIndication(indication);
        var plan = assess(input(adult().build(), cervicalFacet(), medicine)).planFor(drug).orElseThrow();

        assertThat(plan.action()).isEqualTo(action);
        if (action == PlanAction.REFER_TO_PRESCRIBER) {
            assertThat(plan.lastDose()).isNull();
            assertThat(plan.staffNote()).contains("agree with the prescriber before stopping")
                    .contains("proposed, if a stop is agreed: last dose " + proposedLastDose);
            assertThat(plan.patientInstruction()).startsWith("Do not stop your");
        }
    }

    @ParameterizedTest(name = "low risk, {0} → continue")
    @CsvSource({"CLOPIDOGREL", "PRASUGREL", "TICAGRELOR"})
    void continuesBeforeLowRiskInjections(Antithrombotic drug) {
        var result = assess(input(adult().build(), trochantericBursa(), Medicine.of(drug, 75, DoseFrequency.ONCE_DAILY)));

        assertThat(result.planFor(drug).orElseThrow().action()).isEqualTo(PlanAction.CONTINUE);
    }
}
