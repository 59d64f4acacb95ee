package org.synovia.safety.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates, times and numbers read in findings and patient instructions (UK English). */
final class Wording {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Wording() {
    }

    /** "Tuesday 8 December at 08:00". */
    static String dayAndTime(LocalDateTime value) {
        return DAY.format(value) + " at " + TIME.format(value);
    }

    /** "Tue 8 Dec 08:00". */
    static String shortDateTime(LocalDateTime value) {
        return SHORT.format(value);
    }

    /** "8 Dec 2026". */
    static String date(LocalDate value) {
        return DATE.format(value);
    }

    /** "87 h" or "25 h 30 min". */
    static String hours(Duration value) {
        long minutes = value.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    /** "D−4 18:00" relative to the procedure day. */
    static String relative(LocalDateTime value, LocalDate procedureDay) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(procedureDay, value.toLocalDate());
        String day = days == 0 ? "D0" : days < 0 ? "D−" + (-days) : "D+" + days;
        return day + " " + TIME.format(value);
    }

    /** One decimal place at most: 171.6, 150. */
    static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    static String plural(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
