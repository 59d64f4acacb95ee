package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PainResponseTests {

    private static PainScore at(int minutes, int score) {
        return new PainScore(minutes, score, Instant.EPOCH, "nurse");
    }

    @ParameterizedTest(name = "[{index}] NRS {0} to {1}: {2}% {3}")
    @CsvSource(textBlock = """
            8, 4, 50, Positive response, met, not met
            8, 5, 38, Negative response, not met, not met
            10, 6, 40, Negative response, not met, not met
            10, 5, 50, Positive response, met, not met
            10, 2, 80, Positive response, met, met
            10, 3, 70, Positive response, met, not met
            5, 1, 80, Positive response, met, met
            0, 0, 0, Negative response, not met, not met
            4, 6, -50, Negative response, not met, not met
            """)
    void readsReliefAgainstTheFiftyPercentDefaultAndShowsTheDualBlockCriterion(int before, int after, int percent,
            String reading, String diagnostic, String dualBlock) {
        PainResponse response = new PainResponse(before, List.of(at(30, after)), ReliefThresholds.PUBLISHED);

        assertThat(response.reliefPercent(response.scores().getFirst())).isEqualTo(percent);
        assertThat(response.reading()).startsWith(reading).contains("DX-01").contains("≥ 50%")
                .contains("(facts DX-01, DX-03, DX-04): " + diagnostic).contains("(DX-02): " + dualBlock);
    }

    @ParameterizedTest(name = "[{index}] thresholds {0}/{1}: relief 70% is {2}, dual block {3}")
    @CsvSource(textBlock = """
            50, 80, Positive response, not met
            70, 80, Positive response, not met
            71, 80, Negative response, not met
            50, 70, Positive response, met
            50, 71, Positive response, not met
            """)
    void readsAgainstTheConfiguredThresholds(int diagnostic, int dualBlock, String reading, String dualMet) {
        PainResponse response = new PainResponse(10, List.of(at(15, 3)), new ReliefThresholds(diagnostic, dualBlock));

        assertThat(response.reading()).startsWith(reading).contains("≥ " + diagnostic + "%")
                .contains("≥ " + dualBlock + "% (DX-02): " + dualMet);
    }

    @Test
    void showsEachTimedScoreWithItsReliefAndReadsTheBest() {
        PainResponse response = new PainResponse(8, List.of(at(30, 3), at(5, 6), at(15, 2)), ReliefThresholds.PUBLISHED);

        assertThat(response.lines()).containsExactly("5 min: NRS 6, 25% relief", "15 min: NRS 2, 75% relief",
                "30 min: NRS 3, 63% relief");
        assertThat(response.best()).get().extracting(PainScore::minutesAfter).isEqualTo(15);
        assertThat(response.reading()).startsWith("Positive response: 75% relief at 15 minutes (best of 3 scores; NRS 8 to 2)");
    }

    @Test
    void takesTheEarliestOfEqualBestScores() {
        PainResponse response = new PainResponse(8, List.of(at(30, 2), at(15, 2)), ReliefThresholds.PUBLISHED);

        assertThat(response.best()).get().extracting(PainScore::minutesAfter).isEqualTo(15);
    }

    @Test
    void saysNoScoreAfterYetWhenThereIsNone() {
        PainResponse response = new PainResponse(7, List.of(), ReliefThresholds.PUBLISHED);

        assertThat(response.best()).isEmpty();
        assertThat(response.reading()).isEqualTo("NRS 7 before; no score after the injection yet (score within the "
                + "anaesthetic's window, facts DX-05).");
    }

    @ParameterizedTest(name = "[{index}] {0} min, NRS {1} refused")
    @CsvSource(textBlock = """
            0, 5
            481, 5
            30, -1
            30, 11
            """)
    void refusesAScoreOutsideTheScaleOrTheAnaestheticWindow(int minutes, int score) {
        assertThatThrownBy(() -> at(minutes, score)).isInstanceOf(IllegalArgumentException.class);
    }
}
