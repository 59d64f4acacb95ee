package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.LidocainePlainMax;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PlannedDrug;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

class LocalAnaestheticDoseRuleTests {

    @ParameterizedTest(name = "{0} {1}% {2} mL at {3} kg, {4} cm, policy {5} → {6}")
    @CsvSource({
            "LIDOCAINE,       1,   14.9, 50,  170, UK_3_MG_PER_KG,   INFO",
            "LIDOCAINE,       1,   15,   50,  170, UK_3_MG_PER_KG,   INFO",
            "LIDOCAINE,       1,   15.1, 50,  170, UK_3_MG_PER_KG,   STOP",
            "LIDOCAINE,       1,   20,   50,  170, US_4_5_MG_PER_KG, INFO",
            "LIDOCAINE,       1,   31,   100, 190, US_4_5_MG_PER_KG, STOP",
            "BUPIVACAINE,     0.5, 20,   75,  175, UK_3_MG_PER_KG,   INFO",
            "BUPIVACAINE,     0.5, 30.1, 90,  185, UK_3_MG_PER_KG,   STOP",
            "LEVOBUPIVACAINE, 0.5, 30,   90,  185, UK_3_MG_PER_KG,   INFO",
            "LEVOBUPIVACAINE, 0.5, 30.1, 90,  185, UK_3_MG_PER_KG,   STOP",
            "LIDOCAINE,       1,   15,   50,     , UK_3_MG_PER_KG,   WARN",
    })
    void limitsEachAgentByWeight(InjectedAgent agent, double percent, double ml, double kg, Double cm, LidocainePlainMax choice,
            String expected) {
        var patient = PatientFacts.builder().ageYears(50).sex(Sex.MALE).weightKg(kg).heightCm(cm).build();
        var policy = new LocalPolicy(null, null, null, null, choice, null, null, null, null, null, null, null, null, null);
        var procedure = procedure("KNEE_JOINT", KNEE, Laterality.LEFT, Guidance.ULTRASOUND,
                List.of(PlannedDrug.localAnaesthetic(agent, percent, ml)));

        assertThat(assess(input(patient, procedure), policy).findingsOf("SAF-070").get(0).severity().name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} kg, {1} cm → dosing weight {2} kg")
    @CsvSource({"86.6, 170, 86.6", "86.7, 170, 66.2", "120, 165, 61.7", "40, 150, 40"})
    void usesIdealBodyWeightFromBmiThirty(double kg, double cm, double dosingKg) {
        var patient = PatientFacts.builder().sex(Sex.MALE).weightKg(kg).heightCm(cm).build();

        assertThat(LocalAnaestheticDoseRule.dosingWeight(patient).kg()).isEqualTo(dosingKg);
    }

    @ParameterizedTest(name = "lidocaine {0} mL + bupivacaine {1} mL at 57.2 kg IBW → {2}")
    @CsvSource({"5, 10, INFO", "5, 16, INFO", "5, 17, STOP"})
    void addsMixturesAsFractions(double lidocaineMl, double bupivacaineMl, String expected) {
        var patient = PatientFacts.builder().sex(Sex.FEMALE).weightKg(120.0).heightCm(165.0).build();
        var procedure = procedure("KNEE_JOINT", KNEE, Laterality.LEFT, Guidance.ULTRASOUND,
                List.of(PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, lidocaineMl),
                        PlannedDrug.localAnaesthetic(InjectedAgent.BUPIVACAINE, 0.5, bupivacaineMl)));

        assertThat(assess(input(patient, procedure)).findingsOf("SAF-070").get(0).severity().name()).isEqualTo(expected);
    }
}
