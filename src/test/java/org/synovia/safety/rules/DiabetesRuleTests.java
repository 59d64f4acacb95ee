package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.DiabetesType;
import org.synovia.safety.Finding;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;

class DiabetesRuleTests {

    @ParameterizedTest(name = "{0}, insulin {1}, HbA1c {2}, steroid {3} → warning {4}, larger rise {5}, banner {6}")
    @CsvSource({
            "TYPE_2, false, 53, true,  true,  false, false",
            "TYPE_2, false, 54, true,  true,  true,  false",
            "TYPE_2, false, 64, true,  true,  true,  false",
            "TYPE_2, false, 65, true,  true,  true,  true",
            "TYPE_1, true,  48, true,  true,  true,  false",
            "TYPE_2, false, 80, false, false, false, false",
            "NONE,   false,   , true,  false, false, false",
            "NOT_RECORDED, false, , false, false, false, false",
    })
    void warnsOfAGlucoseRiseAfterASteroid(DiabetesType type, boolean insulin, Integer hba1c, boolean steroid,
            boolean warning, boolean largerRise, boolean banner) {
        var drug = steroid ? PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)
                : PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, 2);
        var procedure = procedure("KNEE_JOINT", KNEE, Laterality.LEFT, Guidance.ULTRASOUND, List.of(drug));
        var messages = assess(input(adult().diabetes(type, insulin, hba1c).build(), procedure)).findingsOf("SAF-030")
                .stream().map(Finding::message).toList();

        assertThat(messages.stream().anyMatch(m -> m.contains("mandatory warning"))).isEqualTo(warning);
        assertThat(messages.stream().anyMatch(m -> m.contains("larger day-1 rise"))).isEqualTo(largerRise);
        assertThat(messages.stream().anyMatch(m -> m.contains("OR 4.79"))).isEqualTo(banner);
    }

    @ParameterizedTest(name = "diabetes {0}, steroid {1} → asks {2}")
    @CsvSource({
            "NOT_RECORDED, true,  true",
            "NOT_RECORDED, false, false",
            "NONE,         true,  false",
            "TYPE_2,       true,  false",
    })
    void asksWhenNobodyRecordedDiabetesBeforeASteroid(DiabetesType type, boolean steroid, boolean asks) {
        var drug = steroid ? PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)
                : PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, 2);
        var procedure = procedure("KNEE_JOINT", KNEE, Laterality.LEFT, Guidance.ULTRASOUND, List.of(drug));
        var findings = assess(input(adult().diabetes(type, false, null).build(), procedure)).findingsOf("SAF-030");

        assertThat(findings.stream().anyMatch(f -> f.message().startsWith("Diabetes not recorded")
                && f.severity() == org.synovia.safety.Severity.WARN)).isEqualTo(asks);
    }

    @org.junit.jupiter.api.Test
    void takesAnUnsaidDiabetesOrPregnancyAsNotRecordedNeverAsNo() {
        var facts = org.synovia.safety.PatientFacts.builder().ageYears(64).build();

        assertThat(facts.diabetes()).isEqualTo(DiabetesType.NOT_RECORDED);
        assertThat(facts.diabetic()).isFalse();
        assertThat(facts.diabetesNotRecorded()).isTrue();
        assertThat(facts.pregnancy()).isEqualTo(org.synovia.safety.PregnancyStatus.NOT_RECORDED);
    }
}
