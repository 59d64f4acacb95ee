package org.synovia.diary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.synovia.procedure.ReliefThresholds;
import org.synovia.referral.Intent;

/** The reading in sentences for the team and the referrer, each naming the threshold and the facts row it used. */
final class ReadingWords {

    private ReadingWords() {
    }

    static List<String> lines(DiaryReadingUpdated reading, List<DiaryReading.Entry> entries, int thresholdPercent,
            ReliefThresholds thresholds, int windowMinutes) {
        List<String> lines = new ArrayList<>();
        int baseline = reading.baselinePain();
        if (reading.intent() != Intent.THERAPEUTIC) {
            lines.add(diagnostic(reading, thresholdPercent, thresholds, windowMinutes));
        }
        if (reading.intent() != Intent.DIAGNOSTIC) {
            lines.add(therapeutic(reading, entries));
        }
        lines.add(duration(reading));
        lines.add("Pain before the injection: " + baseline + "/10. Entries: " + entries.size() + ".");
        return lines;
    }

    private static String diagnostic(DiaryReadingUpdated reading, int thresholdPercent, ReliefThresholds thresholds,
            int windowMinutes) {
        BigDecimal best = reading.bestReliefPercent();
        String window = windowMinutes % 60 == 0 ? windowMinutes / 60 + " hours" : windowMinutes + " minutes";
        if (best == null) {
            return "Diagnostic response: not yet read (no entry in the first " + window + " after the injection).";
        }
        String percent = best.stripTrailingZeros().toPlainString() + "%";
        String fifty = DiaryReading.meetsThreshold(best, thresholds.diagnosticPercent()) ? "met" : "not met";
        String eighty = DiaryReading.meetsThreshold(best, thresholds.dualBlockPercent()) ? "met" : "not met";
        return (Boolean.TRUE.equals(reading.diagnosticPositive()) ? "Positive diagnostic response" : "Negative diagnostic response")
                + ": largest relief " + percent + " in the first " + window + " (DX-05), against this procedure's threshold of "
                + thresholdPercent + "%. Criterion of " + thresholds.diagnosticPercent() + "% (facts DX-01): " + fifty
                + "; criterion of " + thresholds.dualBlockPercent() + "% for dual comparative blocks (DX-02): "
                + eighty + ".";
    }

    private static String therapeutic(DiaryReadingUpdated reading, List<DiaryReading.Entry> entries) {
        Optional<DiaryReading.Entry> at6 = DiaryReading.sixWeekEntry(entries);
        if (at6.isEmpty()) {
            return "Therapeutic response at 6 weeks: not yet known (no entry between 5 and 7 weeks).";
        }
        DiaryReading.Entry e = at6.get();
        int fall = reading.baselinePain() - e.painNow();
        String relief = DiaryReading.reliefPercent(reading.baselinePain(), e.painNow())
                .map(p -> p.stripTrailingZeros().toPlainString() + "%").orElse("not measurable");
        return (Boolean.TRUE.equals(reading.responderAtSixWeeks()) ? "Responder at 6 weeks" : "Not a responder at 6 weeks")
                + ": pain " + reading.baselinePain() + " to " + e.painNow() + " at " + e.timePoint() + " (" + fall
                + " points, " + relief + ")" + (e.pgic() == null ? "" : "; global impression: " + Pgic.labelOf(e.pgic()).toLowerCase())
                + ". Clinically important: a fall of at least 2 points and 30% (facts OM-01), or much or very much better (OM-02).";
    }

    private static String duration(DiaryReadingUpdated reading) {
        if (reading.reliefDays() == null) {
            return "Duration of relief: not measurable yet.";
        }
        if (reading.reliefDays() == 0 && !reading.reliefCensored()) {
            return "Duration of relief: no entry showed relief of 30% or more (OM-01).";
        }
        return reading.reliefCensored()
                ? "Duration of relief so far: " + days(reading.reliefDays()) + "; pain had not returned to within 30% of "
                        + "the baseline by the last entry (censored)."
                : "Duration of relief: " + days(reading.reliefDays()) + ", when pain returned to within 30% of the baseline.";
    }

    private static String days(int days) {
        return days + (days == 1 ? " day" : " days");
    }
}
