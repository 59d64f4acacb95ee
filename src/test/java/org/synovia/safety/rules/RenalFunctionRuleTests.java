package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.Severity;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Sex;

class RenalFunctionRuleTests {

    @ParameterizedTest(name = "{0}, {1} y, {2} kg, creatinine {3} → CrCl {4}")
    @CsvSource({
            "MALE,      80, 60, 100, 44.3",
            "FEMALE,    80, 60, 100, 37.4",
            "NOT_KNOWN, 80, 60, 100, 37.4",
            "MALE,      40, 90,  80, 138.4",
    })
    void calculatesCockcroftGaultOnActualWeight(Sex sex, int age, double kg, int creatinine, double expected) {
        var patient = PatientFacts.builder().sex(sex).ageYears(age).weightKg(kg).creatinine(creatinine, TODAY).build();

        assertThat(RenalFunction.creatinineClearance(patient, TODAY)).contains(expected);
    }

    @ParameterizedTest(name = "creatinine {0} days old → {1}")
    @CsvSource({"89, INFO", "90, INFO", "91, WARN"})
    void flagsAStaleCreatinineWhenAHoldDependsOnIt(int daysOld, Severity expected) {
        var patient = adult().creatinine(90, TODAY.minusDays(daysOld)).build();
        var result = assess(input(patient, cervicalFacet(), Medicine.of(Antithrombotic.APIXABAN, 5, DoseFrequency.TWICE_DAILY)));

        assertThat(result.findingsOf("SAF-018").get(0).severity()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "clearance known {0} → {1}")
    @CsvSource({"true, INFO", "false, WARN"})
    void assumesTheLowestBandWhenClearanceIsMissing(boolean known, Severity expected) {
        var patient = known ? adult().creatinineClearanceMlPerMin(70.0).build() : adult().build();
        var result = assess(input(patient, cervicalFacet(), Medicine.of(Antithrombotic.APIXABAN, 5, DoseFrequency.TWICE_DAILY)));

        assertThat(result.findingsOf("SAF-018").get(0).severity()).isEqualTo(expected);
        assertThat(result.planFor(Antithrombotic.APIXABAN).orElseThrow().minimumOmittedDoses()).isEqualTo(known ? 4 : 6);
    }
}
