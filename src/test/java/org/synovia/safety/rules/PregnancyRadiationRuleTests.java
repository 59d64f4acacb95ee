package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.DoseClass;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.PlannedProcedure;
import org.synovia.safety.PregnancyStatus;
import org.synovia.safety.TendonAtRisk;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

class PregnancyRadiationRuleTests {

    @ParameterizedTest(name = "{0} dose, {1}, LMP {2} days before, cycle 28, {3} → {4}")
    @CsvSource({
            "LOW,  NOT_PREGNANT, 27, FLUOROSCOPY, INFO",
            "LOW,  NOT_PREGNANT, 28, FLUOROSCOPY, INFO",
            "LOW,  NOT_PREGNANT, 29, FLUOROSCOPY, STOP",
            "HIGH, NOT_PREGNANT,  8, CT,          INFO",
            "HIGH, NOT_PREGNANT,  9, CT,          INFO",
            "HIGH, NOT_PREGNANT, 10, CT,          STOP",
            "LOW,  POSSIBLE,      5, FLUOROSCOPY, STOP",
            "LOW,  PREGNANT,      5, FLUOROSCOPY, STOP",
            "LOW,  PREGNANT,      5, ULTRASOUND,  INFO",
            "LOW,  NOT_PREGNANT, 40, ULTRASOUND,  NONE",
    })
    void appliesTheTwentyEightAndTenDayRules(DoseClass doseClass, PregnancyStatus status, int lmpDaysBefore, Guidance guidance,
            String expected) {
        var patient = PatientFacts.builder().ageYears(30).sex(Sex.FEMALE).pregnancy(status, null)
                .menstrualCycle(D0.minusDays(lmpDaysBefore), 28).build();
        var procedure = new PlannedProcedure("SACROILIAC", SACROILIAC, null, Laterality.LEFT, guidance,
                List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)), false, doseClass, START,
                TendonAtRisk.NONE, false);
        var findings = assess(input(patient, procedure)).findingsOf("SAF-050");

        assertThat(findings.isEmpty() ? "NONE" : findings.get(0).severity().name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "age {0}, childbearing potential {1} → enquiry {2}")
    @CsvSource({"11, , false", "12, , true", "55, , true", "56, , false", "40, false, false", "60, true, true"})
    void asksEveryoneOfChildbearingPotential(int age, Boolean potential, boolean enquiry) {
        var patient = PatientFacts.builder().ageYears(age).sex(Sex.MALE).childbearingPotential(potential).build();

        assertThat(PregnancyRadiationRule.enquiryNeeded(patient, D0)).isEqualTo(enquiry);
        assertThat(assess(input(patient, lumbarFacet())).findingsOf("SAF-050").isEmpty()).isEqualTo(!enquiry);
    }

    /** HAZ-88: an absent pregnancy answer is not "not pregnant"; it asks for the enquiry only before radiation. */
    @ParameterizedTest(name = "not recorded, age {0}, {1} → {2}")
    @CsvSource({
            "11, FLUOROSCOPY, NONE",
            "12, FLUOROSCOPY, WARN",
            "30, FLUOROSCOPY, WARN",
            "30, CT,          WARN",
            "55, FLUOROSCOPY, WARN",
            "56, FLUOROSCOPY, NONE",
            "30, ULTRASOUND,  NONE",
    })
    void asksForTheEnquiryWhenNobodyRecordedThePregnancyStatus(int age, Guidance guidance, String expected) {
        var patient = PatientFacts.builder().ageYears(age).sex(Sex.MALE).pregnancy(PregnancyStatus.NOT_RECORDED, null).build();
        var procedure = new PlannedProcedure("SACROILIAC", SACROILIAC, null, Laterality.LEFT, guidance,
                List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)), false, DoseClass.LOW, START,
                TendonAtRisk.NONE, false);
        var findings = assess(input(patient, procedure)).findingsOf("SAF-050");

        assertThat(findings.isEmpty() ? "NONE" : findings.get(0).severity().name()).isEqualTo(expected);
        if (expected.equals("WARN")) {
            assertThat(findings.get(0).message()).contains("Pregnancy status not recorded").contains("[PG-01, PG-06]");
        }
    }
}
