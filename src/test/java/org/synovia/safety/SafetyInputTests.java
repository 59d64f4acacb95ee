package org.synovia.safety;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.InvalidInputException;

class SafetyInputTests {

    @ParameterizedTest(name = "weight {0} kg → valid {1}")
    @CsvSource({"1.9, false", "2, true", "400, true", "400.1, false"})
    void checksWeightIsPlausible(double kg, boolean valid) {
        if (valid) {
            PatientFacts.builder().weightKg(kg).build();
            return;
        }
        assertThatThrownBy(() -> PatientFacts.builder().weightKg(kg).build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("weightKg");
    }

    @Test
    void needsTheDateOfACreatinine() {
        assertThatThrownBy(() -> PatientFacts.builder().creatinine(90, null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("creatinineDate");
    }

    @Test
    void needsOneDoseTimePerDailyDose() {
        assertThatThrownBy(() -> new Medicine(Antithrombotic.APIXABAN, null, 5.0, null, DoseFrequency.TWICE_DAILY,
                List.of(LocalTime.of(8, 0)), null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("doseTimes");
    }

    @Test
    void needsAFrequencyForABloodThinner() {
        assertThatThrownBy(() -> new Medicine(Antithrombotic.APIXABAN, null, 5.0, null, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("frequency");
    }

    @Test
    void needsAPatientAndAProcedure() {
        assertThatThrownBy(() -> new SafetyInput(null, null, null, null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("patient").hasMessageContaining("procedure");
    }
}
