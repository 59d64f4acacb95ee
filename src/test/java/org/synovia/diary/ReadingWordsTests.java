package org.synovia.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.procedure.ReliefThresholds;
import org.synovia.referral.Intent;

class ReadingWordsTests {

    private static List<String> lines(Intent intent, int baseline, int threshold, String written) {
        List<DiaryReading.Entry> entries = DiaryReadingTests.entries(written);
        var episode = new DiaryReading.Episode(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), intent, baseline, threshold);
        return ReadingWords.lines(DiaryReading.read(episode, entries), entries, threshold, ReliefThresholds.PUBLISHED, 480);
    }

    @ParameterizedTest(name = "[{index}] {0} baseline {1}, {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DIAGNOSTIC  | 8  | 50 | H1:4 D1:8     | Positive diagnostic response: largest relief 50% in the first 8 hours (DX-05), against this procedure's threshold of 50%. Criterion of 50% (facts DX-01): met; criterion of 80% for dual comparative blocks (DX-02): not met.
            DIAGNOSTIC  | 10 | 80 | H2:3          | Negative diagnostic response: largest relief 70% in the first 8 hours (DX-05), against this procedure's threshold of 80%. Criterion of 50% (facts DX-01): met; criterion of 80% for dual comparative blocks (DX-02): not met.
            DIAGNOSTIC  | 8  | 50 | D1:4          | Diagnostic response: not yet read (no entry in the first 8 hours after the injection).
            THERAPEUTIC | 7  | 50 | W6:4:3        | Responder at 6 weeks: pain 7 to 4 at W6 (3 points, 42.9%); global impression: a little better. Clinically important: a fall of at least 2 points and 30% (facts OM-01), or much or very much better (OM-02).
            THERAPEUTIC | 7  | 50 | D14:2         | Therapeutic response at 6 weeks: not yet known (no entry between 5 and 7 weeks).
            THERAPEUTIC | 8  | 50 | D1:4 D7:7     | Duration of relief: 7 days, when pain returned to within 30% of the baseline.
            THERAPEUTIC | 8  | 50 | D1:4          | Duration of relief so far: 1 day; pain had not returned to within 30% of the baseline by the last entry (censored).
            THERAPEUTIC | 8  | 50 | D1:8          | Duration of relief: no entry showed relief of 30% or more (OM-01).
            THERAPEUTIC | 0  | 50 | D1:0          | Duration of relief: not measurable yet.
            """)
    void saysTheReadingWithItsThresholdAndSource(Intent intent, int baseline, int threshold, String written, String expected) {
        assertThat(lines(intent, baseline, threshold, written)).contains(expected);
    }
}
