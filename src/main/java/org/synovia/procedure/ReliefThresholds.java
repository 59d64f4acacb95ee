package org.synovia.procedure;

/**
 * The relief that counts as a positive diagnostic response. Sources differ (facts §11): ≥ 50% after one block
 * (ASRA-led consensus DX-01; hip DX-03; SIJ DX-04) and ≥ 80% on dual comparative medial branch blocks (SIS,
 * CMS; DX-02). Both are settings and both are shown.
 */
public record ReliefThresholds(int diagnosticPercent, int dualBlockPercent) {

    /** The published defaults. */
    public static final ReliefThresholds PUBLISHED = new ReliefThresholds(50, 80);
}
