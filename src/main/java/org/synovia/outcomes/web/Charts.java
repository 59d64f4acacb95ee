package org.synovia.outcomes.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.synovia.outcomes.KaplanMeier;
import org.synovia.outcomes.OutcomeReport.Survival;
import org.synovia.outcomes.OutcomeReport.Volume;

/**
 * Server-drawn SVG charts, so that the page needs no script and prints as it shows. Colours are the
 * Okabe–Ito palette (distinguishable with colour-vision deficiency), and each curve also has its own dash.
 */
final class Charts {

    static final String[] COLOURS = { "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000" };
    static final String[] DASHES = { "", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4" };

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    static final int LEFT = 48;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 40;

    private Charts() {
    }

    /** One drawn curve: its step path, its censoring ticks, and how it looks. */
    record Line(String label, String path, String ticks, String colour, String dash, KaplanMeier.Curve curve) {
    }

    /** The chart of several curves on one axis, from day 0 to the last time seen (at least 28 days). */
    record SurvivalChart(List<Line> lines, List<Tick> xTicks, List<Tick> yTicks, int width, int height, int plotLeft,
            int plotRight, int plotTop, int plotBottom) {
    }

    record Tick(double position, String label) {
    }

    static SurvivalChart survival(List<Survival> groups, int max) {
        List<Survival> shown = groups.stream().filter(g -> g.curve().subjects() > 0).limit(max).toList();
        int lastDay = 28;
        for (Survival g : shown) {
            if (!g.curve().steps().isEmpty()) {
                lastDay = Math.max(lastDay, g.curve().steps().getLast().time());
            }
        }
        int days = (lastDay + 27) / 28 * 28;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            KaplanMeier.Curve curve = shown.get(i).curve();
            StringBuilder path = new StringBuilder("M").append(fmt(x(0, days))).append(' ').append(fmt(y(1.0)));
            StringBuilder ticks = new StringBuilder();
            double survival = 1.0;
            for (KaplanMeier.Step step : curve.steps()) {
                double x = x(step.time(), days);
                path.append(" H").append(fmt(x));
                if (step.survival() != survival) {
                    survival = step.survival();
                    path.append(" V").append(fmt(y(survival)));
                }
                if (step.censored() > 0) {
                    ticks.append("M").append(fmt(x)).append(' ').append(fmt(y(survival) - 4)).append(" v8 ");
                }
            }
            path.append(" H").append(fmt(x(days, days)));
            lines.add(new Line(shown.get(i).label(), path.toString(), ticks.toString().strip(), COLOURS[i % COLOURS.length],
                    DASHES[i % DASHES.length], curve));
        }
        List<Tick> xTicks = new ArrayList<>();
        int step = days <= 56 ? 7 : days <= 196 ? 28 : 56;
        for (int d = 0; d <= days; d += step) {
            xTicks.add(new Tick(x(d, days), String.valueOf(d)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) {
            yTicks.add(new Tick(y(p / 100.0), p + "%"));
        }
        return new SurvivalChart(lines, xTicks, yTicks, WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM);
    }

    /** Bars of a monthly series: x, y, width, height of each, with its label and count. */
    record Bar(double x, double y, double width, double height, String label, long value) {
    }

    record BarChart(List<Bar> bars, List<Tick> yTicks, List<Tick> xLabels, int width, int height, int plotLeft,
            int plotRight, int plotTop, int plotBottom) {
    }

    static BarChart columns(List<Volume> series) {
        long max = Math.max(1, series.stream().mapToLong(Volume::procedures).max().orElse(1));
        long niceMax = nice(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double barWidth = series.isEmpty() ? 0 : plotWidth / series.size();
        List<Bar> bars = new ArrayList<>();
        List<Tick> labels = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(series.size() / 12.0));
        for (int i = 0; i < series.size(); i++) {
            Volume v = series.get(i);
            double h = (HEIGHT - TOP - BOTTOM) * (double) v.procedures() / niceMax;
            double x = LEFT + i * barWidth;
            bars.add(new Bar(x + barWidth * 0.1, HEIGHT - BOTTOM - h, barWidth * 0.8, h, v.label(), v.procedures()));
            if (i % every == 0) {
                labels.add(new Tick(x + barWidth / 2, v.label()));
            }
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int q = 0; q <= 4; q++) {
            long value = niceMax * q / 4;
            yTicks.add(new Tick(HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * q / 4.0, String.format(Locale.ROOT, "%,d", value)));
        }
        return new BarChart(bars, yTicks, labels, WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM);
    }

    /** The smallest of 1, 2, 2.5 or 5 times a power of ten at or above {@code value}. */
    static long nice(long value) {
        long power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (m * power >= value) {
                return (long) Math.ceil(m * power);
            }
        }
        return power * 10;
    }

    private static double x(double day, int days) {
        return LEFT + (WIDTH - LEFT - RIGHT) * day / days;
    }

    private static double y(double survival) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - survival);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
