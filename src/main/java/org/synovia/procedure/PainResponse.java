package org.synovia.procedure;

/**
 * The pain score before and at a set time after the injection, read as facts §7 does for diagnostic
 * injections: relief of at least {@value #POSITIVE_RELIEF_PERCENT}% is a positive response (DX-01, DX-03,
 * DX-04); the dual-comparative-block criterion of at least {@value #DUAL_BLOCK_RELIEF_PERCENT}% (DX-02) is
 * shown beside it, because services and commissioners differ. The after-score must fall in the local
 * anaesthetic's window (DX-05).
 */
public record PainResponse(int before, int after, int minutesAfter) {

    static final int POSITIVE_RELIEF_PERCENT = 50;
    static final int DUAL_BLOCK_RELIEF_PERCENT = 80;

    public PainResponse {
        if (before < 0 || before > 10 || after < 0 || after > 10 || minutesAfter <= 0) {
            throw new IllegalArgumentException("pain scores are 0 to 10, taken after a positive number of minutes");
        }
    }

    /** Relief as a whole percentage of the score before; 0 when there was no pain before. */
    public int reliefPercent() {
        return before == 0 ? 0 : Math.round(100f * (before - after) / before);
    }

    /** The reading for a diagnostic injection, in words with the thresholds and rows it used. */
    public String reading() {
        int relief = reliefPercent();
        String headline = relief >= POSITIVE_RELIEF_PERCENT ? "Positive response" : "Negative response";
        return headline + ": " + relief + "% relief at " + minutesAfter + " minutes (NRS " + before + " to " + after
                + "; positive at ≥ " + POSITIVE_RELIEF_PERCENT + "%, facts DX-01). Dual comparative block criterion ≥ "
                + DUAL_BLOCK_RELIEF_PERCENT + "% (DX-02): " + (relief >= DUAL_BLOCK_RELIEF_PERCENT ? "met" : "not met") + ".";
    }
}
