package org.synovia.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DicomPropertiesTests {

    private static DicomProperties with(int port, String aeTitle, int maxAssociations, long maxPdu, String uidRoot,
            String fluoroscopy, int back, int ahead) {
        return new DicomProperties(true, port, aeTitle, List.of(" US1 ", ""), maxAssociations, maxPdu, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 500, uidRoot, fluoroscopy, "SYNOVIA", back, ahead,
                Math.min(4, Math.max(1, maxAssociations)), Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "port above range|65536|SYNOVIA|20|65536|2.25|RF|1|30|port",
            "empty AE title|11112|' '|20|65536|2.25|RF|1|30|ae-title",
            "AE title of 17|11112|SYNOVIA_WORKLIST1|20|65536|2.25|RF|1|30|ae-title",
            "AE title with backslash|11112|SYN\\OVIA|20|65536|2.25|RF|1|30|ae-title",
            "no associations|11112|SYNOVIA|0|65536|2.25|RF|1|30|max-associations",
            "PDU below 4096|11112|SYNOVIA|20|4095|2.25|RF|1|30|max-pdu-length",
            "UID root with a leading zero|11112|SYNOVIA|20|65536|1.02|RF|1|30|uid-root",
            "UID root too long|11112|SYNOVIA|20|65536|1.2.826.0.1.3680043.99999|RF|1|30|uid-root",
            "fluoroscopy as CT|11112|SYNOVIA|20|65536|2.25|CT|1|30|fluoroscopy-modality",
            "window over a year|11112|SYNOVIA|20|65536|2.25|RF|1|366|window" })
    void refusesSettingsOutOfRange(String rule, int port, String ae, int max, long pdu, String root, String fluoroscopy,
            int back, int ahead, String message) {
        assertThatThrownBy(() -> with(port, ae, max, pdu, root, fluoroscopy, back, ahead))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void acceptsTheBoundariesAndTrimsTitles() {
        assertThatCode(() -> with(0, "A", 1, 4096, "1.2.826.0.1.3680043.9999", "XA", 0, 366)).doesNotThrowAnyException();
        DicomProperties properties = with(11112, " SYNOVIA ", 20, 65536, "2.25", "RF", 1, 30);
        assertThat(properties.aeTitle()).isEqualTo("SYNOVIA");
        assertThat(properties.allRoomsAeTitles()).containsExactly("US1");
        assertThat(properties.seesAllRooms("US1")).isTrue();
        assertThat(properties.seesAllRooms(" US1 ")).isTrue();
        assertThat(properties.seesAllRooms("CT1")).isFalse();
        assertThat(properties.seesAllRooms(null)).isFalse();
    }

    @Test
    void refusesAPerAddressCapAboveTheWholeCap() {
        assertThatThrownBy(() -> new DicomProperties(true, 0, "SYNOVIA", List.of(), 4, 65536, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 500, "2.25", "RF", "SYNOVIA", 1, 30, 5, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-associations-per-address");
        assertThatThrownBy(() -> new DicomProperties(true, 0, "SYNOVIA", List.of(), 4, 65536, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 500, "2.25", "RF", "SYNOVIA", 1, 30, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-associations-per-address");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "US_ROOM1|true", "' US 1 '|true", "ABCDEFGHIJKLMNOP|true", "ABCDEFGHIJKLMNOPQ|false",
            "'   '|false", "A\\B|false", "Ü1|false" })
    void checksApplicationEntityTitles(String title, boolean valid) {
        assertThat(AeTitles.valid(title)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "PT0S, true", "PT10S, true", "PT10.001S, false", "-PT0.001S, false" })
    void keepsStationTitlesForAtMostTenSeconds(Duration maxAge, boolean accepted) {
        Throwable build = catchThrowable(() -> new DicomProperties(true, 0, "SYNOVIA", List.of(), 4,
                65536, Duration.ofSeconds(10), Duration.ofSeconds(60), 500, "2.25", "RF", "SYNOVIA", 1, 30, 4, maxAge));
        if (accepted) {
            assertThat(build).isNull();
        }
        else {
            assertThat(build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("station-titles-max-age");
        }
    }
}
