package org.synovia.diary;

import java.util.List;
import java.util.Locale;

/**
 * The pain chart as SVG drawn on the server, so that it shows without JavaScript, in the PDF and to screen
 * readers (a title and a description say what it shows). Time runs on a square-root scale so that the hours
 * after a diagnostic block and the weeks after a steroid both have room; the injection is the line at 0.
 */
final class DiaryChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final int[] TICK_MINUTES = {60, 8 * 60, MINUTES_PER_DAY, 7 * MINUTES_PER_DAY, 14 * MINUTES_PER_DAY,
            42 * MINUTES_PER_DAY, 84 * MINUTES_PER_DAY, 168 * MINUTES_PER_DAY};
    private static final String[] TICK_LABELS = {"1 h", "8 h", "1 d", "1 wk", "2 wk", "6 wk", "12 wk", "24 wk"};

    private DiaryChart() {
    }

    static String svg(int baselinePain, List<DiaryReading.Entry> entries, String idPrefix) {
        int span = Math.max(MINUTES_PER_DAY, entries.stream().mapToInt(DiaryReading.Entry::minutesAfter).max().orElse(0));
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pain-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(idPrefix).append("-title ").append(idPrefix)
                .append("-desc\">");
        s.append("<title id=\"").append(idPrefix).append("-title\">Pain score over time after the injection</title>");
        s.append("<desc id=\"").append(idPrefix).append("-desc\">").append(escape(description(baselinePain, entries)))
                .append("</desc>");
        // Axes and the 0-10 grid.
        for (int pain = 0; pain <= 10; pain += 2) {
            double y = y(pain);
            s.append(line(LEFT, y, WIDTH - RIGHT, y, "#d0d4d8", 1, null));
            s.append(text(LEFT - 8, y + 4, String.valueOf(pain), "end", "#333"));
        }
        s.append(text(12, TOP + (HEIGHT - TOP - BOTTOM) / 2.0, "Pain", "middle", "#333"));
        for (int i = 0; i < TICK_MINUTES.length && TICK_MINUTES[i] <= span; i++) {
            double x = x(TICK_MINUTES[i], span);
            s.append(line(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 5, "#333", 1, null));
            s.append(text(x, HEIGHT - BOTTOM + 18, TICK_LABELS[i], "middle", "#333"));
        }
        s.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 6, "Time after the injection", "middle", "#333"));
        // The line pain must stay under to count as relief (OM-01), and the injection.
        if (baselinePain > 0) {
            double back = y(baselinePain * (100 - DiaryReading.IMPORTANT_CHANGE_PERCENT) / 100.0);
            s.append(line(LEFT, back, WIDTH - RIGHT, back, "#8a5a00", 1.5, "6 4"));
            s.append(text(WIDTH - RIGHT - 4, back - 5, "relief ends above this line", "end", "#8a5a00"));
        }
        s.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#005eb8", 3, null));
        s.append(text(LEFT + 6, TOP + 10, "Injection", "start", "#005eb8"));
        // Pain before the injection, then each entry.
        StringBuilder path = new StringBuilder().append(fmt(LEFT)).append(',').append(fmt(y(baselinePain)));
        for (DiaryReading.Entry e : entries) {
            path.append(' ').append(fmt(x(e.minutesAfter(), span))).append(',').append(fmt(y(e.painNow())));
        }
        s.append("<polyline fill=\"none\" stroke=\"#212b32\" stroke-width=\"2.5\" points=\"").append(path).append("\"/>");
        s.append(circle(LEFT, y(baselinePain), "#005eb8"));
        for (DiaryReading.Entry e : entries) {
            double x = x(e.minutesAfter(), span);
            double y = y(e.painNow());
            if (e.hasRedFlag()) {
                s.append("<path d=\"M").append(fmt(x)).append(',').append(fmt(y - 9)).append(" L").append(fmt(x + 8))
                        .append(',').append(fmt(y + 6)).append(" L").append(fmt(x - 8)).append(',').append(fmt(y + 6))
                        .append(" Z\" fill=\"#d5281b\"/>");
            }
            else {
                s.append(circle(x, y, "#212b32"));
            }
        }
        return s.append("</svg>").toString();
    }

    /** The chart in words, for screen readers and the PDF's text. */
    static String description(int baselinePain, List<DiaryReading.Entry> entries) {
        if (entries.isEmpty()) {
            return "Pain before the injection " + baselinePain + " out of 10. No diary entries yet.";
        }
        DiaryReading.Entry lowest = entries.stream().min(java.util.Comparator.comparingInt(DiaryReading.Entry::painNow))
                .orElseThrow();
        DiaryReading.Entry last = entries.getLast();
        long flags = entries.stream().filter(DiaryReading.Entry::hasRedFlag).count();
        return "Pain before the injection " + baselinePain + " out of 10; lowest " + lowest.painNow() + " at "
                + lowest.timePoint() + "; latest " + last.painNow() + " at " + last.timePoint() + "; " + entries.size()
                + (entries.size() == 1 ? " entry" : " entries") + (flags == 0 ? "." : "; red flags marked by a red triangle at "
                + flags + (flags == 1 ? " entry." : " entries."));
    }

    private static double x(int minutes, int span) {
        return LEFT + (WIDTH - LEFT - RIGHT) * Math.sqrt(minutes) / Math.sqrt(span);
    }

    private static double y(double pain) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (10 - pain) / 10.0;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2) + "\" stroke=\""
                + colour + "\" stroke-width=\"" + fmt(width) + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                + "/>";
    }

    private static String circle(double x, double y, String colour) {
        return "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"5\" fill=\"" + colour + "\"/>";
    }

    private static String text(double x, double y, String text, String anchor, String colour) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + colour
                + "\" font-size=\"14\" font-family=\"sans-serif\">" + escape(text) + "</text>";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
