package org.synovia.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmartScopeTests {

    @ParameterizedTest(name = "[{index}] {0} allows {2} on {1}: {3}")
    @CsvSource(textBlock = """
            system/ServiceRequest.c,   ServiceRequest, c, true
            system/ServiceRequest.c,   ServiceRequest, r, false
            system/ServiceRequest.c,   Patient,        c, false
            system/*.rs,               DiagnosticReport, r, true
            system/*.rs,               DiagnosticReport, s, true
            system/*.rs,               ServiceRequest, c, false
            system/Patient.read,       Patient,        s, true
            system/Patient.read,       Patient,        c, false
            system/ServiceRequest.write, ServiceRequest, c, true
            system/*.*,                Observation,    d, true
            system/Patient.cruds,      Patient,        u, true
            """)
    void allowsOnlyTheInteractionsAndTypesItNames(String scope, String type, char interaction, boolean allowed) {
        assertThat(SmartScope.parse(scope).allows(type, interaction)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(textBlock = """
            patient/Patient.rs
            system/Patient
            system/Patient.x
            system/Patient.sr
            system/patient.rs
            user/*.rs
            ''
            """)
    void refusesWhatIsNotASystemScope(String text) {
        assertThatThrownBy(() -> SmartScope.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a scope like system/Patient.rs");
    }

    @ParameterizedTest(name = "[{index}] {0} is written {1}")
    @CsvSource(textBlock = """
            system/Patient.read, system/Patient.rs
            system/*.*,          system/*.cruds
            system/Slot.rs,      system/Slot.rs
            """)
    void writesTheV2FormOfEveryScope(String text, String written) {
        assertThat(SmartScope.parse(text)).hasToString(written);
    }
}
