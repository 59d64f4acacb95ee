package org.synovia.booking;

import org.synovia.shared.InvalidInputException;

/** The reason a clerk or a patient gives for a change: kept with the change and quoted in the patient's letter. */
final class ChangeReasons {

    static final int MAX_LENGTH = 1000;
    private static final String NONE_GIVEN = "no reason given";

    private ChangeReasons() {
    }

    /** The reason, stripped; "Say why." when there is none. */
    static String required(String reason) {
        return required(reason, "Say why.");
    }

    /** The reason, stripped; {@code whenMissing} when there is none. */
    static String required(String reason, String whenMissing) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", whenMissing);
        }
        if (why.length() > MAX_LENGTH) {
            throw new InvalidInputException("reason", "Use at most " + MAX_LENGTH + " characters.");
        }
        return why;
    }

    /** A patient need not say why they cancel. */
    static String optional(String reason) {
        return reason == null || reason.isBlank() ? NONE_GIVEN : required(reason);
    }
}
