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
    }

    /** How many procedures one group did. */
    public record Volume(String key, String label, long procedures) {
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }
}
