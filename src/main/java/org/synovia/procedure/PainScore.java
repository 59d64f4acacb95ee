package org.synovia.procedure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.synovia.shared.InvalidInputException;

/**
 * One pain score (NRS 0–10) taken a number of minutes after the injection, with who recorded it and when.
 * Scores are observations: once written they are never changed (the database refuses it), and they may still
 * be added after the record is signed, because recovery goes on (ADR 0015).
 */
public record PainScore(int minutesAfter, int score, Instant recordedAt, String recordedBy) {

    /** Bupivacaine lasts about 4–8 hours (facts DX-05); a later score is no longer in the anaesthetic window. */
    static final int MAX_MINUTES_AFTER = 480;

    /** Refuses, beside each field, a score as entered that is missing or out of range, before anything is written. */
    static void check(Integer minutesAfter, Integer score) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (minutesAfter == null || minutesAfter < 1 || minutesAfter > MAX_MINUTES_AFTER) {
            problems.add(new InvalidInputException.FieldProblem("minutesAfter", "Give the minutes after the injection, 1 to "
                    + MAX_MINUTES_AFTER + " (the anaesthetic's window, facts DX-05)."));
        }
        if (score == null || score < 0 || score > 10) {
            problems.add(new InvalidInputException.FieldProblem("score", "Enter the pain score, 0 to 10."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    public PainScore {
        if (score < 0 || score > 10 || minutesAfter < 1 || minutesAfter > MAX_MINUTES_AFTER) {
            throw new IllegalArgumentException("a pain score is 0 to 10, taken 1 to " + MAX_MINUTES_AFTER + " minutes after");
        }
    }
}
