package org.synovia.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.Severity;
import org.synovia.shared.Antithrombotic;

class CardsTests {

    @ParameterizedTest
    @CsvSource({"STOP, critical", "WARN, warning", "INFO, info"})
    void givesEachSeverityItsIndicator(Severity severity, String indicator) {
        assertThat(Cards.indicator(severity)).isEqualTo(indicator);
    }

    @ParameterizedTest
    @CsvSource({"139, 139", "140, 139", "400, 139", "20, 20"})
    void keepsTheSummaryUnder140Characters(int length, int expected) {
        assertThat(Cards.summary("x".repeat(length))).hasSize(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"Apixaban 5mg tablets, -, APIXABAN", "RIVAROXABAN 20 mg, -, RIVAROXABAN",
            "Enoxaparin 40mg/0.4ml, 40, ENOXAPARIN_PROPHYLACTIC", "Enoxaparin 120mg, 120, ENOXAPARIN_THERAPEUTIC",
            "Enoxaparin, -, ENOXAPARIN_THERAPEUTIC", "Clopidogrel 75 mg, -, CLOPIDOGREL", "Warfarin 1mg, -, WARFARIN",
            "Aspirin dispersible 75 mg, -, ASPIRIN", "Paracetamol 500 mg, -, -"})
    void recognisesBloodThinnersByName(String name, Double doseMg, Antithrombotic expected) {
        assertThat(org.synovia.referral.ClinicalCodes.antithrombotic(null, name, doseMg)).isEqualTo(expected);
    }
}
