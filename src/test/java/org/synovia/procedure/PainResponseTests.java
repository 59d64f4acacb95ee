package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PainResponseTests {

    @ParameterizedTest(name = "[{index}] NRS {0} to {1}: {2}% {3}")
    @CsvSource(textBlock = """
            8, 4, 50, Positive response, not met
            8, 5, 38, Negative response, not met
            10, 6, 40, Negative response, not met
            10, 5, 50, Positive response, not met
            10, 2, 80, Positive response, met
            10, 3, 70, Positive response, not met
            5, 1, 80, Positive response, met
            0, 0, 0, Negative response, not met
            """)
    void readsReliefAgainstTheFiftyPercentDefaultAndShowsTheDualBlockCriterion(int before, int after, int percent,
            String reading, String dualBlock) {
        PainResponse response = new PainResponse(before, after, 30);

        assertThat(response.reliefPercent()).isEqualTo(percent);
        assertThat(response.reading()).startsWith(reading).contains("DX-01").contains("(DX-02): " + dualBlock);
    }
}
