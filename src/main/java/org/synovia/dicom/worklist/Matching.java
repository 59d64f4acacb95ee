package org.synovia.dicom.worklist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Tag;

/**
 * C-FIND matching for the modality worklist (PS3.4 C.2.2.2, K.6.1.2): universal, single value, wildcard,
 * UID list, date and time range (combined into one date-time range when both the scheduled step's start
 * date and start time are given), and sequence matching. Person names match without regard to case
 * (allowed by C.2.2.2.1); every other value is case-sensitive. Only requested keys are returned.
 */
final class Matching {

    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern TIME = Pattern.compile("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?");
    private static final int CACHED_WILDCARDS = 256;
    private static final Map<String, Pattern> WILDCARDS = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > CACHED_WILDCARDS;
        }
    });

    private Matching() {
    }

    static boolean matches(Attributes query, Attributes entity) throws DicomFormatException {
        for (int tag : query.tags()) {
            if (tag == Tag.SPECIFIC_CHARACTER_SET) {
                continue;
            }
            if (tag == Tag.SCHEDULED_PROCEDURE_STEP_START_TIME && hasValue(query, Tag.SCHEDULED_PROCEDURE_STEP_START_DATE)) {
                continue; // matched together with the date
            }
            List<Attributes> queryItems = query.items(tag);
            if (queryItems != null) {
                if (!sequenceMatches(queryItems, entity.items(tag))) {
                    return false;
                }
                continue;
            }
            String wanted = query.text(tag);
            if (tag == Tag.SCHEDULED_PROCEDURE_STEP_START_DATE) {
                if (!startMatches(wanted, query.text(Tag.SCHEDULED_PROCEDURE_STEP_START_TIME), entity)) {
                    return false;
                }
                continue;
            }
            if (!valueMatches(query.vr(tag), wanted, entity.text(tag))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasValue(Attributes attributes, int tag) {
        String text = attributes.text(tag);
        return text != null && !text.isEmpty() && !text.equals("*");
    }

    /** An empty sequence or an empty item matches all; otherwise some item must match every key of the query item. */
    private static boolean sequenceMatches(List<Attributes> queryItems, List<Attributes> entityItems) throws DicomFormatException {
        if (queryItems.isEmpty() || queryItems.getFirst().isEmpty()) {
            return true;
        }
        if (entityItems == null) {
            return false;
        }
        for (Attributes item : entityItems) {
            if (matches(queryItems.getFirst(), item)) {
                return true;
            }
        }
        return false;
    }

    static boolean valueMatches(String vr, String wanted, String actual) throws DicomFormatException {
        if (wanted == null || wanted.isEmpty() || wanted.chars().allMatch(c -> c == '*')) {
            return true;
        }
        if (actual == null || actual.isEmpty()) {
            return false;
        }
        return switch (vr) {
            case "DA" -> inRange(dateRange(wanted), LocalDateTime.of(date(actual), LocalTime.MIDNIGHT));
            case "TM" -> timeMatches(wanted, time(actual));
            case "UI" -> List.of(wanted.split("\\\\")).contains(actual);
            case "PN" -> wildcard(wanted, true).matcher(actual).matches();
            case "AE", "CS", "LO", "LT", "SH", "ST", "UC", "UR", "UT" -> wildcard(wanted, false).matcher(actual).matches();
            default -> wanted.equals(actual);
        };
    }

    /** Scheduled start date, with the start time when given, as one range (C.2.2.2.5.1). */
    private static boolean startMatches(String date, String time, Attributes entity) throws DicomFormatException {
        String actualDate = entity.text(Tag.SCHEDULED_PROCEDURE_STEP_START_DATE);
        String actualTime = entity.text(Tag.SCHEDULED_PROCEDURE_STEP_START_TIME);
        if (date == null || date.isEmpty() || date.equals("*")) {
            return valueMatches("TM", time, actualTime);
        }
        if (actualDate == null || actualDate.isEmpty()) {
            return false;
        }
        LocalDateTime start = LocalDateTime.of(date(actualDate),
                actualTime == null || actualTime.isEmpty() ? LocalTime.MIDNIGHT : time(actualTime));
        LocalDateTime[] dates = dateRange(date);
        if (time == null || time.isEmpty() || time.equals("*")) {
            return inRange(dates, start.toLocalDate().atStartOfDay());
        }
        LocalTime[] times = timeRange(time);
        LocalDateTime from = dates[0] == null ? null : dates[0].toLocalDate().atTime(times[0] == null ? LocalTime.MIN : times[0]);
        LocalDateTime to = dates[1] == null ? null : dates[1].toLocalDate().atTime(times[1] == null ? LocalTime.MAX : times[1]);
        return inRange(new LocalDateTime[] { from, to }, start);
    }

    private static boolean inRange(LocalDateTime[] range, LocalDateTime value) {
        return (range[0] == null || !value.isBefore(range[0])) && (range[1] == null || !value.isAfter(range[1]));
    }

    private static boolean timeMatches(String wanted, LocalTime actual) throws DicomFormatException {
        LocalTime[] range = timeRange(wanted);
        return (range[0] == null || !actual.isBefore(range[0])) && (range[1] == null || !actual.isAfter(range[1]));
    }

    /** {@code D}, {@code D1-D2}, {@code -D2} or {@code D1-}: the first and last day, null when open. */
    static LocalDateTime[] dateRange(String value) throws DicomFormatException {
        String[] parts = split(value);
        LocalDate from = parts[0].isEmpty() ? null : date(parts[0]);
        LocalDate to = parts[1].isEmpty() ? null : date(parts[1]);
        if (from == null && to == null) {
            throw new DicomFormatException("Date range '" + value + "' has neither end");
        }
        return new LocalDateTime[] { from == null ? null : from.atStartOfDay(), to == null ? null : to.atStartOfDay() };
    }

    /** Like {@link #dateRange}; an end given to the hour or minute runs to the end of that hour or minute. */
    static LocalTime[] timeRange(String value) throws DicomFormatException {
        String[] parts = split(value);
        LocalTime from = parts[0].isEmpty() ? null : time(parts[0]);
        LocalTime to = parts[1].isEmpty() ? null : endOf(parts[1]);
        if (from == null && to == null) {
            throw new DicomFormatException("Time range '" + value + "' has neither end");
        }
        return new LocalTime[] { from, to };
    }

    private static String[] split(String value) throws DicomFormatException {
        int dash = value.indexOf('-');
        if (dash < 0) {
            return new String[] { value.strip(), value.strip() };
        }
        if (value.indexOf('-', dash + 1) >= 0) {
            throw new DicomFormatException("Range '" + value + "' has more than one '-'");
        }
        return new String[] { value.substring(0, dash).strip(), value.substring(dash + 1).strip() };
    }

    static LocalDate date(String value) throws DicomFormatException {
        String digits = value.replace(".", "");
        if (!DATE.matcher(digits).matches()) {
            throw new DicomFormatException("Date '" + value + "' is not YYYYMMDD");
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        }
        catch (java.time.DateTimeException e) {
            throw new DicomFormatException("Date '" + value + "' does not exist");
        }
    }

    static LocalTime time(String value) throws DicomFormatException {
        String text = value.replace(":", "");
        if (!TIME.matcher(text).matches()) {
            throw new DicomFormatException("Time '" + value + "' is not HHMMSS.FFFFFF");
        }
        try {
            int hour = Integer.parseInt(text.substring(0, 2));
            int minute = text.length() >= 4 ? Integer.parseInt(text.substring(2, 4)) : 0;
            int second = text.length() >= 6 ? Integer.parseInt(text.substring(4, 6)) : 0;
            int nanos = text.length() > 7 ? Integer.parseInt((text.substring(7) + "000000").substring(0, 6)) * 1000 : 0;
            return LocalTime.of(hour, minute, second, nanos);
        }
        catch (java.time.DateTimeException e) {
            throw new DicomFormatException("Time '" + value + "' does not exist");
        }
    }

    private static LocalTime endOf(String value) throws DicomFormatException {
        LocalTime time = time(value);
        int digits = value.replace(":", "").length();
        if (digits == 2) {
            return time.withMinute(59).withSecond(59).withNano(999_999_999);
        }
        if (digits == 4) {
            return time.withSecond(59).withNano(999_999_999);
        }
        return digits == 6 ? time.withNano(999_999_999) : time;
    }

    /**
     * The query's pattern, compiled once per query value rather than once per step compared: a query for 2,000
     * steps compares each key 2,000 times. Bounded, as the values come from the network.
     */
    private static Pattern wildcard(String wanted, boolean ignoreCase) {
        String key = (ignoreCase ? "i:" : "s:") + wanted;
        Pattern pattern = WILDCARDS.get(key);
        if (pattern == null) {
            pattern = compileWildcard(wanted, ignoreCase);
            WILDCARDS.put(key, pattern);
        }
        return pattern;
    }

    private static Pattern compileWildcard(String wanted, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < wanted.length(); i++) {
            char c = wanted.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
    }

    /**
     * The answer to one query for one matching entity: every key asked, with the entity's value or empty;
     * a sequence key returns the items that matched, reduced to the keys asked (all of them when the query's
     * item is empty).
     */
    static Attributes project(Attributes query, Attributes entity) throws DicomFormatException {
        Attributes answer = new Attributes();
        for (int tag : query.tags()) {
            if (tag == Tag.SPECIFIC_CHARACTER_SET) {
                continue;
            }
            List<Attributes> queryItems = query.items(tag);
            if (queryItems == null) {
                String value = entity.text(tag);
                answer.put(tag, value == null ? "" : value).keepVr(tag, query.vr(tag));
                continue;
            }
            List<Attributes> entityItems = entity.items(tag) == null ? List.of() : entity.items(tag);
            List<Attributes> items = new ArrayList<>();
            boolean all = queryItems.isEmpty() || queryItems.getFirst().isEmpty();
            for (Attributes item : entityItems) {
                if (all) {
                    items.add(item);
                }
                else if (matches(queryItems.getFirst(), item)) {
                    items.add(project(queryItems.getFirst(), item));
                }
            }
            answer.put(tag, items);
        }
        return answer;
    }
}
