package org.synovia.procedure;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pain score before the injection and the timed scores after it, read as facts §7 does for diagnostic
 * injections: relief per score against the score before, the best relief, and that best relief read against
 * the diagnostic threshold (DX-01, DX-03, DX-04) with the dual-comparative-block criterion (DX-02) beside it,
 * because services and commissioners differ. Scores are taken within the anaesthetic's window (DX-05).
 */
public record PainResponse(int before, List<PainScore> scores, ReliefThresholds thresholds) {

    public PainResponse {
        if (before < 0 || before > 10) {
            throw new IllegalArgumentException("the pain score before is 0 to 10");
        }
        scores = scores.stream().sorted(Comparator.comparingInt(PainScore::minutesAfter)
                .thenComparing(PainScore::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    /** Relief as a whole percentage of the score before (negative when worse); 0 when there was no pain before. */
    public int reliefPercent(PainScore score) {
        return before == 0 ? 0 : Math.round(100f * (before - score.score()) / before);
    }

    /** The score with the most relief; the earliest of equals. */
    public Optional<PainScore> best() {
        return scores.stream().max(Comparator.comparingInt(this::reliefPercent)
                .thenComparing(Comparator.comparingInt(PainScore::minutesAfter).reversed()));
    }

    /** One line per score, e.g. "15 min: NRS 3, 63% relief". */
    public List<String> lines() {
        return scores.stream().map(s -> s.minutesAfter() + " min: NRS " + s.score() + ", " + reliefPercent(s) + "% relief")
                .toList();
    }

    /** The reading for a diagnostic injection, in words with the thresholds and the rows they rest on. */
    public String reading() {
        return best().map(best -> {
            int relief = reliefPercent(best);
            String headline = relief >= thresholds.diagnosticPercent() ? "Positive response" : "Negative response";
            return headline + ": " + relief + "% relief at " + best.minutesAfter() + " minutes (best of " + scores.size()
                    + (scores.size() == 1 ? " score" : " scores") + "; NRS " + before + " to " + best.score()
                    + "). Diagnostic threshold ≥ " + thresholds.diagnosticPercent() + "% (facts DX-01, DX-03, DX-04): "
                    + (relief >= thresholds.diagnosticPercent() ? "met" : "not met")
                    + ". Dual comparative block criterion ≥ " + thresholds.dualBlockPercent() + "% (DX-02): "
                    + (relief >= thresholds.dualBlockPercent() ? "met" : "not met") + "; sources differ.";
        }).orElse("NRS " + before + " before; no score after the injection yet (score within the anaesthetic's "
                + "window, facts DX-05).");
    }
}
