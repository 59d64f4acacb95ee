package org.synovia.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.referral.Intent;

class DiaryReadingTests {

    private static final Instant INJECTED = Instant.parse("2026-03-02T10:00:00Z");

    /** Entries written as "H1:4" (time point and pain) or "W6:5:2" (with PGIC); "!" after the pain marks a red flag. */
    static List<DiaryReading.Entry> entries(String written) {
        if (written == null || written.isBlank()) {
            return List.of();
        }
        return Arrays.stream(written.split(" ")).map(w -> {
            String[] parts = w.split(":");
            TimePoint point = TimePoint.of(parts[0]);
            boolean flag = parts[1].endsWith("!");
            int pain = Integer.parseInt(parts[1].replace("!", ""));
            Integer pgic = parts.length > 2 ? Integer.valueOf(parts[2]) : null;
            return new DiaryReading.Entry(point.code(), point.minutesAfter(),
                    INJECTED.plusSeconds(60L * point.minutesAfter()), pain, pgic, flag ? "FEVER" : "");
        }).toList();
    }

    private static DiaryReading.Episode episode(Intent intent, int baseline, int threshold) {
        return new DiaryReading.Episode(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), intent, baseline, threshold);
    }

    @ParameterizedTest(name = "[{index}] baseline {0}, {1}: best {3}%, positive {4}")
    @CsvSource(textBlock = """
            8,  M30:6 H1:4 H2:5 D1:8,     50, 50.0,  true
            8,  M30:6 H1:5 H2:5,          50, 37.5,  false
            10, H1:5,                     50, 50.0,  true
            10, H1:6,                     50, 40.0,  false
            10, H1:2,                     80, 80.0,  true
            10, H1:3,                     80, 70.0,  false
            10, H6:1 H8:3,                80, 90.0,  true
            10, H9:0 D1:0,                50, ,      
            6,  H1:7,                     50, -16.7, false
            0,  H1:0,                     50, ,      
            7,  ,                         50, ,      
            """)
    void readsTheLargestReliefInTheAnaestheticWindowAgainstTheThreshold(int baseline, String written, int threshold,
            BigDecimal best, Boolean positive) {
        DiaryReadingUpdated reading = DiaryReading.read(episode(Intent.DIAGNOSTIC, baseline, threshold), entries(written));

        assertThat(reading.bestReliefPercent()).isEqualTo(best);
        assertThat(reading.diagnosticPositive()).isEqualTo(positive);
        assertThat(reading.responderAtSixWeeks()).isNull();
    }

    @ParameterizedTest(name = "[{index}] baseline {0}, {1}: responder {2}")
    @CsvSource(textBlock = """
            7,  D7:5 W6:4,        true
            7,  W6:5,             false
            7,  W6:6,             false
            10, W6:7,             true
            10, W6:8,             false
            5,  W6:4,             false
            5,  W6:3,             true
            3,  W6:2,             false
            3,  W6:3:2,           true
            3,  W6:3:3,           false
            6,  W6:6:1,           true
            8,  W5:8 W7:4,        false
            8,  W5:4 W7:8,        true
            8,  D36:4 D48:8,      true
            8,  W4:2 W8:2,        
            8,  D14:2,            
            """)
    void readsTheTherapeuticResponseAtSixWeeks(int baseline, String written, Boolean responder) {
        DiaryReadingUpdated reading = DiaryReading.read(episode(Intent.THERAPEUTIC, baseline, 50), entries(written));

        assertThat(reading.responderAtSixWeeks()).isEqualTo(responder);
        assertThat(reading.bestReliefPercent()).isNull();
        assertThat(reading.diagnosticPositive()).isNull();
    }

    @ParameterizedTest(name = "[{index}] baseline {0}, {1}: {2} days, censored {3}")
    @CsvSource(textBlock = """
            8,  D1:4 D7:4 D14:6 W4:7,      14, false
            8,  D1:4 D7:5 D14:5,           14, true
            8,  D1:8 D2:8 D7:4 W4:8,       28, false
            8,  D1:8 D7:7,                 0,  false
            10, D1:7 D7:8,                 7,  false
            10, D1:7,                      1,  true
            10, H1:2 H6:9 D1:9,            0,  false
            10, H1:2 H6:2 D2:9,            2,  false
            6,  D3:3 W6:4 W12:5,           84, false
            6,  D3:3 W6:4 W24:4,           168, true
            0,  D1:0,                      ,   false
            5,  ,                          ,   false
            """)
    void measuresTheDurationOfReliefCensoredAtTheLastEntry(int baseline, String written, Integer days, boolean censored) {
        DiaryReadingUpdated reading = DiaryReading.read(episode(Intent.THERAPEUTIC, baseline, 50), entries(written));

        assertThat(reading.reliefDays()).isEqualTo(days);
        assertThat(reading.reliefCensored()).isEqualTo(censored);
    }

    @Test
    void countsRedFlagsAndKeepsTheNewestEntryTimeWhateverTheOrder() {
        List<DiaryReading.Entry> written = entries("D1:6! D7:4 D2:5!");

        DiaryReadingUpdated reading = DiaryReading.read(episode(Intent.THERAPEUTIC, 8, 50), written);

        assertThat(reading.redFlags()).isEqualTo(2);
        assertThat(reading.lastEntryAt()).isEqualTo(INJECTED.plusSeconds(7 * 24 * 3600));
        assertThat(reading.reliefDays()).isEqualTo(7);
        assertThat(reading.reliefCensored()).isTrue();
    }

    @Test
    void readsBothResponsesWhenTheIntentIsBoth() {
        DiaryReadingUpdated reading = DiaryReading.read(episode(Intent.BOTH, 10, 50), entries("H1:3 W6:6"));

        assertThat(reading.bestReliefPercent()).isEqualByComparingTo("70");
        assertThat(reading.diagnosticPositive()).isTrue();
        assertThat(reading.responderAtSixWeeks()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(textBlock = """
            M30, 30,    0
            H1,  60,    0
            H8,  480,   0
            D1,  1440,  1
            D14, 20160, 14
            W6,  60480, 42
            w24, 241920, 168
            """)
    void readsTimePointCodes(String code, int minutes, int day) {
        TimePoint point = TimePoint.of(code);

        assertThat(point.minutesAfter()).isEqualTo(minutes);
        assertThat(point.day()).isEqualTo(day);
        assertThat(point.code()).isEqualTo(code.toUpperCase());
    }

    @ParameterizedTest
    @CsvSource({"X1", "H0", "D", "''", "H1.5", "W12345"})
    void refusesTimePointCodesItCannotRead(String code) {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> TimePoint.of(code));
    }
}
