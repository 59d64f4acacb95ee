package org.synovia.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kaplan–Meier estimate of the share of patients still relieved after t days, with Greenwood's variance and
 * the median with a 95% confidence interval by Brookmeyer and Crowley on the log-log scale (ADR 0018).
 * Pure arithmetic over counts; events at a time are taken before censorings at the same time, as usual.
 */
public final class KaplanMeier {

    /** Two-sided 95% normal quantile. */
    static final double Z_95 = 1.959963984540054;

    private KaplanMeier() {
    }

    /** Events and censorings observed at one time. */
    public record Count(int time, int events, int censored) {
        public Count {
            if (time < 0 || events < 0 || censored < 0) {
                throw new IllegalArgumentException("time and counts must not be negative");
            }
        }
    }

    /**
     * One distinct time with what happened there and the estimate just after it.
     *
     * @param lower lower 95% limit of the survival (log-log), equal to the survival where undefined
     * @param upper upper 95% limit of the survival (log-log)
     */
    public record Step(int time, int atRisk, int events, int censored, double survival, double greenwoodSum,
            double lower, double upper) {
    }

    /**
     * The whole estimate.
     *
     * @param median       the first time survival reaches 0.5 or below (the midpoint when it sits exactly at 0.5
     *                     until the next event), null when it never does
     * @param medianLower  the first time the lower confidence limit of the survival reaches 0.5, null when none
     * @param medianUpper  the first time the upper confidence limit reaches 0.5, null when not reached (open)
     */
    public record Curve(int subjects, int events, int censored, List<Step> steps, Double median, Double medianLower,
            Double medianUpper) {

        /**
         * Whether some patient was still followed at {@code time}. Beyond the last observation the curve only
         * repeats its last value, so a figure there would count patients who were never followed that long.
         */
        public boolean followedTo(int time) {
            return !steps.isEmpty() && steps.getLast().time() >= time;
        }

        /** The lower 95% limit (log-log) of the share still relieved at {@code time}. */
        public double lowerAt(int time) {
            return stepAt(time).map(Step::lower).orElse(1.0);
        }

        /** The upper 95% limit (log-log) of the share still relieved at {@code time}. */
        public double upperAt(int time) {
            return stepAt(time).map(Step::upper).orElse(1.0);
        }

        private java.util.Optional<Step> stepAt(int time) {
            Step found = null;
            for (Step step : steps) {
                if (step.time() > time) {
                    break;
                }
                found = step;
            }
            return java.util.Optional.ofNullable(found);
        }

        /** The estimated share still relieved at {@code time} (a step function, right-continuous). */
        public double survivalAt(int time) {
            double s = 1.0;
            for (Step step : steps) {
                if (step.time() > time) {
                    break;
                }
                s = step.survival();
            }
            return s;
        }
    }

    /** The estimate from individual observations: (time, event) where event false means censored. */
    public static Curve fromObservations(int[] times, boolean[] events) {
        if (times.length != events.length) {
            throw new IllegalArgumentException("times and events differ in length");
        }
        Map<Integer, int[]> byTime = new TreeMap<>();
        for (int i = 0; i < times.length; i++) {
            int[] c = byTime.computeIfAbsent(times[i], t -> new int[2]);
            c[events[i] ? 0 : 1]++;
        }
        List<Count> counts = new ArrayList<>();
        byTime.forEach((t, c) -> counts.add(new Count(t, c[0], c[1])));
        return estimate(counts);
    }

    /** The estimate from counts per time (any order; the same time may appear more than once). */
    public static Curve estimate(List<Count> counts) {
        TreeMap<Integer, int[]> byTime = new TreeMap<>();
        int subjects = 0;
        int allEvents = 0;
        for (Count c : counts) {
            int[] sum = byTime.computeIfAbsent(c.time(), t -> new int[2]);
            sum[0] += c.events();
            sum[1] += c.censored();
            subjects += c.events() + c.censored();
            allEvents += c.events();
        }
        List<Step> steps = new ArrayList<>(byTime.size());
        int atRisk = subjects;
        double survival = 1.0;
        double greenwood = 0.0;
        for (var entry : byTime.entrySet()) {
            int d = entry.getValue()[0];
            int c = entry.getValue()[1];
            if (d > 0) {
                survival *= 1.0 - (double) d / atRisk;
                greenwood = atRisk == d ? Double.POSITIVE_INFINITY : greenwood + (double) d / ((double) atRisk * (atRisk - d));
            }
            double[] band = logLogBand(survival, greenwood);
            steps.add(new Step(entry.getKey(), atRisk, d, c, survival, greenwood, band[0], band[1]));
            atRisk -= d + c;
        }
        return new Curve(subjects, allEvents, subjects - allEvents, List.copyOf(steps), median(steps, Step::survival),
                firstAtOrBelowHalf(steps, Step::lower), firstAtOrBelowHalf(steps, Step::upper));
    }

    /**
     * Confidence limits on the log-log scale: S^exp(±z·se), se = sqrt(Greenwood sum) / |ln S|. Where the
     * transform is undefined (S = 1 before any event, S = 0 after the last subject failed) both limits equal S.
     */
    static double[] logLogBand(double survival, double greenwoodSum) {
        if (survival >= 1.0 || survival <= 0.0 || Double.isInfinite(greenwoodSum)) {
            return new double[] { survival, survival };
        }
        double se = Math.sqrt(greenwoodSum) / Math.abs(Math.log(survival));
        return new double[] { Math.pow(survival, Math.exp(Z_95 * se)), Math.pow(survival, Math.exp(-Z_95 * se)) };
    }

    private static Double median(List<Step> steps, java.util.function.ToDoubleFunction<Step> value) {
        for (int i = 0; i < steps.size(); i++) {
            double s = value.applyAsDouble(steps.get(i));
            if (s < 0.5 - 1e-12) {
                return (double) steps.get(i).time();
            }
            if (Math.abs(s - 0.5) <= 1e-12) {
                // Flat at exactly one half: the median is midway to the next event time (as R's survfit does).
                for (int j = i + 1; j < steps.size(); j++) {
                    if (steps.get(j).events() > 0) {
                        return (steps.get(i).time() + steps.get(j).time()) / 2.0;
                    }
                }
                return (double) steps.get(i).time();
            }
        }
        return null;
    }

    private static Double firstAtOrBelowHalf(List<Step> steps, java.util.function.ToDoubleFunction<Step> value) {
        for (Step step : steps) {
            if (value.applyAsDouble(step) <= 0.5 + 1e-12) {
                return (double) step.time();
            }
        }
        return null;
    }
}
