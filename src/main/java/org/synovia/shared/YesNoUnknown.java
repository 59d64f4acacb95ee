package org.synovia.shared;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The answer to a yes/no clinical question. "Not known" is an answer of its own, never taken as no: a
 * rule that needs the fact says it is missing instead of assuming the safe-looking value.
 */
public enum YesNoUnknown {
    YES("Yes"),
    NO("No"),
    NOT_KNOWN("Not known");

    private final String label;

    YesNoUnknown(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isYes() {
        return this == YES;
    }

    public boolean isNo() {
        return this == NO;
    }

    public boolean known() {
        return this != NOT_KNOWN;
    }

    /** A two-valued answer where one was recorded; null (nothing recorded) is not known. */
    public static YesNoUnknown of(Boolean value) {
        return value == null ? NOT_KNOWN : value ? YES : NO;
    }

    /**
     * Reads JSON {@code true}, {@code false}, {@code null} and the names {@code "YES"}, {@code "NO"},
     * {@code "NOT_KNOWN"} (also {@code "UNKNOWN"}), so that callers that only knew yes/no keep working.
     */
    @JsonCreator
    public static YesNoUnknown from(Object value) {
        if (value == null) {
            return NOT_KNOWN;
        }
        if (value instanceof Boolean bool) {
            return of(bool);
        }
        return switch (value.toString().strip().toUpperCase(Locale.ROOT)) {
            case "YES", "Y", "TRUE" -> YES;
            case "NO", "N", "FALSE" -> NO;
            case "NOT_KNOWN", "UNKNOWN", "UNK", "U", "" -> NOT_KNOWN;
            default -> throw new InvalidInputException("value", "must be yes, no or not known, not \"" + value + "\"");
        };
    }
}
