package org.synovia.diary;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment after the injection at which the diary asks for an entry, written as a unit and a number:
 * {@code M30} (minutes), {@code H2} (hours), {@code D7} (days), {@code W6} (weeks). The points in use are
 * settings ({@code synovia.diary.*}); the defaults follow facts AF-08, OM-06 and DX-05.
 */
public record TimePoint(String code, int minutesAfter) implements Comparable<TimePoint> {

    private static final Pattern CODE = Pattern.compile("([MHDW])([1-9][0-9]{0,3})");

    public TimePoint {
        if (code == null || minutesAfter < 0) {
            throw new IllegalArgumentException("a time point needs a code and minutes after the injection");
        }
    }

    /** Reads a code such as {@code H2} or {@code W24}; anything else is refused with the code in the message. */
    public static TimePoint of(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code.strip().toUpperCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("time point '" + code + "' is not M<minutes>, H<hours>, D<days> or W<weeks>");
        }
        int n = Integer.parseInt(m.group(2));
        int minutes = switch (m.group(1)) {
            case "M" -> n;
            case "H" -> n * 60;
            case "D" -> n * 24 * 60;
            default -> n * 7 * 24 * 60;
        };
        return new TimePoint(m.group(1) + n, minutes);
    }

    /** The day after the injection this point falls on (0 for the day itself). */
    public int day() {
        return minutesAfter / (24 * 60);
    }

    /** From the day after, the diary asks for the worst pain of the day too. */
    public boolean asksWorstDay() {
        return day() >= 1;
    }

    /** From {@link Pgic#FROM_DAY}, the diary asks how the patient feels overall. */
    public boolean asksPgic() {
        return day() >= Pgic.FROM_DAY;
    }

    /** Plain words for the patient: "30 minutes after", "2 hours after", "Day 7", "Week 6". */
    public String label() {
        int n = Integer.parseInt(code.substring(1));
        return switch (code.charAt(0)) {
            case 'M' -> n + " minutes after your injection";
            case 'H' -> n + (n == 1 ? " hour" : " hours") + " after your injection";
            case 'D' -> "Day " + n + " after your injection";
            default -> "Week " + n + " after your injection";
        };
    }

    @Override
    public int compareTo(TimePoint other) {
        return Integer.compare(minutesAfter, other.minutesAfter);
    }
}
