package org.synovia.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionTests {

    /** Wilson score intervals as published (Newcombe 1998, method 3) and as R's prop.test(correct = FALSE) gives them. */
    @ParameterizedTest(name = "{0} of {1} → {2}% to {3}%")
    @CsvSource({
            "81, 263, 25.53, 36.62",
            "15, 148,  6.24, 16.05",
            "0,  20,   0.00, 16.11",
            "1,  29,   0.61, 17.18",
            "8,  10,  49.02, 94.33",
            "10, 10,  72.25, 100.00",
    })
    void givesTheWilsonScoreInterval(long part, long whole, double lower, double upper) {
        var share = new OutcomeReport.Proportion(part, whole);

        assertThat(share.lowerPercent()).isCloseTo(lower, within(0.01));
        assertThat(share.upperPercent()).isCloseTo(upper, within(0.01));
    }

    @ParameterizedTest(name = "{0} of {1}, minimum {2} → shown {3}")
    @CsvSource({"3, 9, 10, false", "3, 10, 10, true", "0, 0, 1, false", "0, 1, 1, true"})
    void showsAShareOnlyFromTheMinimumNumberOfCases(long part, long whole, int minimum, boolean shown) {
        assertThat(new OutcomeReport.Proportion(part, whole).reportable(minimum)).isEqualTo(shown);
    }

    @Test
    void saysNothingAtATimeNoPatientWasFollowedTo() {
        // Every diary ends by day 30: the curve says nothing at 6 weeks rather than repeat its last value.
        var curve = KaplanMeier.estimate(List.of(new KaplanMeier.Count(10, 2, 0), new KaplanMeier.Count(30, 0, 8)));

        assertThat(curve.followedTo(30)).isTrue();
        assertThat(curve.followedTo(42)).isFalse();
        assertThat(curve.survivalAt(30)).isCloseTo(0.8, within(1e-9));
        assertThat(curve.lowerAt(30)).isLessThan(0.8);
        assertThat(curve.upperAt(30)).isGreaterThan(0.8);
    }
}
