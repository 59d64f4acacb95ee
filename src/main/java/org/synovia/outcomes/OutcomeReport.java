package org.synovia.outcomes;

import java.time.Instant;
import java.util.List;

/**
 * Everything the analytics page shows for one filter. Rates are counts over their own denominators: a
 * responder rate counts only diaries read at 6 weeks, a positive rate only diagnostic diaries read in the
 * anaesthetic window, so that missing diaries are not counted as failures (HAZ-51).
 */
public record OutcomeReport(OutcomeFilter filter, long procedures, Survival overall, List<Survival> bySite,
        List<Survival> byDrug, List<Survival> byGuidance, List<Rates> ratesBySite, List<Rates> ratesByDrug,
        List<Rates> ratesByGuidance, Rates allRates, List<Stage> waiting, List<Breaches> breaches,
        List<Volume> byOperator, List<Volume> bySiteVolume, List<Volume> byMonth, Instant refreshedAt) {

    /** A duration-of-relief curve for one group of therapeutic procedures. */
    public record Survival(String key, String label, KaplanMeier.Curve curve) {
    }

    /** Outcome counts for one group. */
    public record Rates(String key, String label, long procedures, long therapeuticRead, long responders,
            long diagnosticRead, long diagnosticPositive, long complications, long redFlagged, long withDiary) {

        public Proportion responder() {
            return new Proportion(responders, therapeuticRead);
        }

        public Proportion positive() {
            return new Proportion(diagnosticPositive, diagnosticRead);
        }

        public Proportion complication() {
            return new Proportion(complications, procedures);
        }

        public Proportion redFlag() {
            return new Proportion(redFlagged, withDiary);
        }

        public Double responderPercent() {
            return percent(responders, therapeuticRead);
        }

        public Double positivePercent() {
            return percent(diagnosticPositive, diagnosticRead);
        }

        public Double complicationPercent() {
            return percent(complications, procedures);
        }

        /** Red flags among patients who kept a diary: those without one could not report any. */
        public Double redFlagPercent() {
            return percent(redFlagged, withDiary);
        }
    }

    /** Whole days from one step of the pathway to the next. */
    public record Stage(String label, long count, Double medianDays, Double p90Days, Double meanDays) {
    }

    /** Procedures measured against a waiting-time standard, and how many were done after its breach date. */
    public record Breaches(String standard, long procedures, long breached) {

        public Double breachedPercent() {
            return percent(breached, procedures);
        }

        public Proportion breachedShare() {
            return new Proportion(breached, procedures);
        }
    }

    /** How many procedures one group did. */
    public record Volume(String key, String label, long procedures) {
    }

    /**
     * A share with its 95% Wilson score interval, which stays inside 0–100% and behaves at small counts and at
     * 0 or 100% where the normal approximation does not (ADR 0070).
     */
    public record Proportion(long part, long whole) {

        public Double percent() {
            return OutcomeReport.percent(part, whole);
        }

        public Double lowerPercent() {
            return whole == 0 ? null : 100 * (centre() - halfWidth());
        }

        public Double upperPercent() {
            return whole == 0 ? null : 100 * (centre() + halfWidth());
        }

        /** Enough cases to show the share at all; below the clinic's minimum it reads "too few to report". */
        public boolean reportable(int minimum) {
            return whole > 0 && whole >= minimum;
        }

        private double centre() {
            double z2 = KaplanMeier.Z_95 * KaplanMeier.Z_95;
            return ((double) part / whole + z2 / (2.0 * whole)) / (1 + z2 / whole);
        }

        private double halfWidth() {
            double p = (double) part / whole;
            double z2 = KaplanMeier.Z_95 * KaplanMeier.Z_95;
            return KaplanMeier.Z_95 * Math.sqrt(p * (1 - p) / whole + z2 / (4.0 * whole * whole)) / (1 + z2 / whole);
        }
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }
}
