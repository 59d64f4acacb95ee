package org.synovia.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.synovia.outcomes.KaplanMeier.Count;
import org.synovia.outcomes.KaplanMeier.Curve;
import org.synovia.outcomes.KaplanMeier.Step;

/**
 * Against tables computed by hand: S(t) = Π (1 − d/n), Greenwood Σ d / (n (n − d)), limits S^exp(±1.96·se) with
 * se = √Greenwood / |ln S|; the median's interval is where the band holds 0.5 (Brookmeyer–Crowley).
 */
class KaplanMeierTests {

    private static final double EPS = 1e-6;

    /** Row of the hand-made table: time, at risk, events, censored, S, Greenwood sum, lower, upper. */
    private static void row(Step step, int time, int atRisk, int events, int censored, double s, double greenwood,
            double lower, double upper) {
        assertThat(step.time()).isEqualTo(time);
        assertThat(step.atRisk()).isEqualTo(atRisk);
        assertThat(step.events()).isEqualTo(events);
        assertThat(step.censored()).isEqualTo(censored);
        assertThat(step.survival()).isCloseTo(s, within(EPS));
        assertThat(step.greenwoodSum()).isCloseTo(greenwood, within(EPS));
        assertThat(step.lower()).isCloseTo(lower, within(EPS));
        assertThat(step.upper()).isCloseTo(upper, within(EPS));
    }

    @Test
    void takesEventsBeforeCensoringsTiedAtTheSameTime() {
        // 7 patients: two lose relief on day 2 and one is censored on day 2; day 3 event; day 5 censored;
        // day 6 event; day 8 censored.
        Curve curve = KaplanMeier.fromObservations(new int[] { 2, 2, 2, 3, 5, 6, 8 },
                new boolean[] { true, true, false, true, false, true, false });
        List<Step> s = curve.steps();
        assertThat(s).hasSize(5);
        row(s.get(0), 2, 7, 2, 1, 5.0 / 7, 2.0 / 35, 0.258154, 0.919797);
        row(s.get(1), 3, 4, 1, 0, 15.0 / 28, 2.0 / 35 + 1.0 / 12, 0.131988, 0.824997);
        row(s.get(2), 5, 3, 0, 1, 15.0 / 28, 2.0 / 35 + 1.0 / 12, 0.131988, 0.824997);
        row(s.get(3), 6, 2, 1, 0, 15.0 / 56, 2.0 / 35 + 1.0 / 12 + 0.5, 0.013125, 0.670013);
        row(s.get(4), 8, 1, 0, 1, 15.0 / 56, 2.0 / 35 + 1.0 / 12 + 0.5, 0.013125, 0.670013);
        assertThat(curve.median()).isEqualTo(6.0);
        assertThat(curve.medianLower()).isEqualTo(2.0);
        assertThat(curve.medianUpper()).as("the upper band never reaches one half: open interval").isNull();
        assertThat(curve.subjects()).isEqualTo(7);
        assertThat(curve.events()).isEqualTo(4);
        assertThat(curve.censored()).isEqualTo(3);
    }

    @Test
    void givesTheMedianAndItsIntervalWhereTheBandHoldsOneHalf() {
        // 8 events at 10..80 days, censored at 25, 45, 90, 100.
        Curve curve = KaplanMeier.estimate(List.of(new Count(10, 1, 0), new Count(20, 1, 0), new Count(25, 0, 1),
                new Count(30, 1, 0), new Count(40, 1, 0), new Count(45, 0, 1), new Count(50, 1, 0), new Count(60, 1, 0),
                new Count(70, 1, 0), new Count(80, 1, 0), new Count(90, 0, 1), new Count(100, 0, 1)));
        row(curve.steps().get(6), 50, 6, 1, 0, 0.540123, 0.081746, 0.216561, 0.780364);
        row(curve.steps().get(7), 60, 5, 1, 0, 0.432099, 0.131746, 0.141010, 0.698076);
        row(curve.steps().get(9), 80, 3, 1, 0, 0.216049, 0.381746, 0.034141, 0.498986);
        assertThat(curve.median()).isEqualTo(60.0);
        assertThat(curve.medianLower()).as("lower band 0.4817 at day 20").isEqualTo(20.0);
        assertThat(curve.medianUpper()).as("upper band 0.4990 at day 80").isEqualTo(80.0);
        assertThat(curve.survivalAt(55)).isCloseTo(0.540123, within(EPS));
        assertThat(curve.survivalAt(5)).isEqualTo(1.0);
    }

    @Test
    void addsCountsGivenTwiceForOneTime() {
        Curve split = KaplanMeier.estimate(List.of(new Count(4, 1, 0), new Count(4, 1, 1), new Count(9, 1, 0)));
        Curve whole = KaplanMeier.estimate(List.of(new Count(4, 2, 1), new Count(9, 1, 0)));
        assertThat(split.steps()).isEqualTo(whole.steps());
    }

    @Test
    void staysAtOneWhenEveryoneIsCensored() {
        Curve curve = KaplanMeier.fromObservations(new int[] { 3, 7, 7 }, new boolean[] { false, false, false });
        assertThat(curve.steps()).extracting(Step::survival).containsOnly(1.0);
        assertThat(curve.steps()).extracting(Step::lower).containsOnly(1.0);
        assertThat(curve.median()).isNull();
        assertThat(curve.medianLower()).isNull();
        assertThat(curve.medianUpper()).isNull();
        assertThat(curve.censored()).isEqualTo(3);
    }

    @Test
    void dropsToZeroForASingleSubjectWithAnEvent() {
        Curve curve = KaplanMeier.fromObservations(new int[] { 12 }, new boolean[] { true });
        Step only = curve.steps().get(0);
        assertThat(only.survival()).isZero();
        assertThat(only.greenwoodSum()).as("n = d: the variance is undefined").isInfinite();
        assertThat(only.lower()).isZero();
        assertThat(only.upper()).isZero();
        assertThat(curve.median()).isEqualTo(12.0);
        assertThat(curve.medianLower()).isEqualTo(12.0);
        assertThat(curve.medianUpper()).isEqualTo(12.0);
    }

    @Test
    void keepsASingleCensoredSubjectAtOne() {
        Curve curve = KaplanMeier.fromObservations(new int[] { 30 }, new boolean[] { false });
        row(curve.steps().get(0), 30, 1, 0, 1, 1.0, 0.0, 1.0, 1.0);
        assertThat(curve.median()).isNull();
    }

    @Test
    void takesTheMidpointWhenTheCurveSitsAtExactlyOneHalf() {
        // 4 patients: events at 5 and 5 → S = 0.5 until the next event at 9.
        Curve curve = KaplanMeier.fromObservations(new int[] { 5, 5, 9, 12 }, new boolean[] { true, true, true, false });
        assertThat(curve.steps().get(0).survival()).isEqualTo(0.5);
        assertThat(curve.median()).isEqualTo(7.0);
    }

    @Test
    void isEmptyWithoutSubjects() {
        Curve curve = KaplanMeier.estimate(List.of());
        assertThat(curve.steps()).isEmpty();
        assertThat(curve.median()).isNull();
        assertThat(curve.survivalAt(10)).isEqualTo(1.0);
    }
}
