package org.synovia.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.synovia.procedure.ReliefThresholds;
import org.synovia.referral.Intent;

class DiaryPropertiesTests {

    private static DiaryProperties properties(List<String> diagnostic, Duration summaryAfterDiagnostic, List<String> dualSites) {
        return new DiaryProperties(diagnostic, List.of("D1", "W6", "W12"), 480, Duration.ofDays(7), summaryAfterDiagnostic,
                Duration.ofDays(84), dualSites, false, Duration.ofMinutes(15), "the service on 01632 960000", 30, 120, 10_000);
    }

    @Test
    void sortsTimePointsAndReadsTheThresholdBySite() {
        DiaryProperties p = properties(List.of("D1", "H2", "M30"), Duration.ofDays(3), List.of("FACET_LUMBAR"));

        assertThat(p.timePoints(Intent.DIAGNOSTIC)).extracting(TimePoint::code).containsExactly("M30", "H2", "D1");
        assertThat(p.timePoints(Intent.THERAPEUTIC)).extracting(TimePoint::code).containsExactly("D1", "W6", "W12");
        assertThat(p.thresholdPercent("FACET_LUMBAR", ReliefThresholds.PUBLISHED)).isEqualTo(80);
        assertThat(p.thresholdPercent("KNEE_JOINT", ReliefThresholds.PUBLISHED)).isEqualTo(50);
        // The percentages are the procedure day's settings, whatever a hospital sets them to.
        assertThat(p.thresholdPercent("FACET_LUMBAR", new ReliefThresholds(60, 90))).isEqualTo(90);
        assertThat(p.thresholdPercent("KNEE_JOINT", new ReliefThresholds(60, 90))).isEqualTo(60);
    }

    @Test
    void refusesRepeatedOrUnreadablePointsAndASummaryAfterTheDiaryCloses() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of("H1", "M60"), Duration.ofDays(1), List.of()))
                .withMessageContaining("repeats");
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of("X1"), Duration.ofDays(1), List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of("D1"), Duration.ofDays(8), List.of()))
                .withMessageContaining("must fall before the diary closes (8 days)");
        assertThat(properties(List.of("D1"), Duration.ofDays(7), List.of()).summaryAfter(Intent.DIAGNOSTIC))
                .isEqualTo(Duration.ofDays(7));
    }
}
