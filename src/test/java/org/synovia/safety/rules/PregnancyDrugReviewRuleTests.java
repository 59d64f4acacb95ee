package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PregnancyStatus;
import org.synovia.shared.Sex;

class PregnancyDrugReviewRuleTests {

    @ParameterizedTest(name = "{0} → review {1}")
    @CsvSource({"PREGNANT, true", "POSSIBLE, true", "NOT_PREGNANT, false", "NOT_APPLICABLE, false"})
    void asksForADrugReviewInPregnancy(PregnancyStatus status, boolean review) {
        var patient = PatientFacts.builder().ageYears(30).sex(Sex.FEMALE).pregnancy(status, null).build();
        var findings = assess(input(patient, trochantericBursa())).findingsOf("SAF-051");

        assertThat(findings.isEmpty()).isEqualTo(!review);
        findings.forEach(f -> assertThat(f.justificationRequired()).isTrue());
    }
}
