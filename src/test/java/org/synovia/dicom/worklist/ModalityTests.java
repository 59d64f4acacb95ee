package org.synovia.dicom.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.dicom.DicomProperties;
import org.synovia.shared.Guidance;
import org.synovia.shared.Sex;

/** The modality code each guidance is served with (ADR 0025), and the patient's sex as DICOM codes it. */
class ModalityTests {

    private static AppointmentWorklist worklist(String fluoroscopy) {
        DicomProperties properties = new DicomProperties(true, 0, "SYNOVIA", List.of(), 20, 65536, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 500, "2.25", fluoroscopy, "SYNOVIA", 1, 30, 4, Duration.ofSeconds(1));
        return new AppointmentWorklist(null, null, null, null, properties, null);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = { "ULTRASOUND, RF, US", "FLUOROSCOPY, RF, RF", "FLUOROSCOPY, XA, XA", "CT, RF, CT",
            "LANDMARK, RF, NONE" })
    void servesEachGuidanceWithItsModality(Guidance guidance, String fluoroscopy, String modality) {
        assertThat(worklist(fluoroscopy).modality(guidance)).isEqualTo(Optional.ofNullable(modality));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = { "FEMALE, F", "MALE, M", "INDETERMINATE, O", "NOT_KNOWN, ''", "NONE, ''" })
    void codesSex(Sex sex, String code) {
        assertThat(AppointmentWorklist.sex(sex)).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({ "Smith, Alex, Smith^Alex", "' Smith ', '', Smith", "O'Neil-Brown, Mary Ann, O'Neil-Brown^Mary Ann" })
    void writesPersonNamesFamilyFirst(String family, String given, String name) {
        assertThat(AppointmentWorklist.personName(family, given)).isEqualTo(name);
    }
}
