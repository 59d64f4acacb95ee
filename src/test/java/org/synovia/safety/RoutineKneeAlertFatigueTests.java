package org.synovia.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

/**
 * Alert fatigue: a routine knee injection (steroid with a little lidocaine, no blood thinner, no diabetes, the
 * usual questions answered at referral) must raise no WARN or STOP, or the warnings that matter stop being read.
 * Each row lists what the engine raises; the expected list is empty.
 */
class RoutineKneeAlertFatigueTests {

    @ParameterizedTest(name = "{0}, {1} aged {2}, {3} mg methylprednisolone + {4} mL 1% lidocaine → no WARN")
    @CsvSource({
            "ULTRASOUND,  MALE,   64, 40, 1",
            "ULTRASOUND,  MALE,   64, 80, 4",
            "ULTRASOUND,  FEMALE, 38, 40, 2",
            "ULTRASOUND,  FEMALE, 81, 40, 1",
            "FLUOROSCOPY, MALE,   70, 40, 1",
            "FLUOROSCOPY, FEMALE, 38, 40, 1",
    })
    void raisesNoWarningForARoutineKneeInjection(Guidance guidance, Sex sex, int age, double steroidMg, double lidocaineMl) {
        var patient = adult().ageYears(age).sex(sex)
                .pregnancy(sex == Sex.FEMALE && age <= 55 ? PregnancyStatus.NOT_PREGNANT : PregnancyStatus.NOT_APPLICABLE, null)
                .infectionAtSite(false).systemicInfection(false).prostheticJointAtSite(false).build();
        var drugs = List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, steroidMg),
                PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, lidocaineMl));

        var raised = assess(input(patient, procedure("KNEE_JOINT", KNEE, Laterality.LEFT, guidance, drugs))).findings().stream()
                .filter(f -> f.severity() != Severity.INFO).map(f -> f.severity() + " " + f.ruleId() + ": " + f.message()).toList();

        assertThat(raised).isEmpty();
    }
}
