package org.synovia.outcomes;

import java.time.LocalDate;

import org.synovia.shared.InvalidInputException;

/**
 * Which procedures the analytics count: those done from {@code from} to {@code to} inclusive, optionally at
 * one site and with one guidance. Dates are the procedure's day in the service's time zone.
 */
public record OutcomeFilter(LocalDate from, LocalDate to, String site, String guidance) {

    /** The longest period one view may cover, so that a typo in a year cannot ask for millennia. */
    static final int MAX_YEARS = 30;

    public OutcomeFilter {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "Choose the first and the last day of the period.");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "The last day must not be before the first day (" + from + ").");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw new InvalidInputException("from", "Choose a period of at most " + MAX_YEARS + " years.");
        }
        site = site == null || site.isBlank() ? null : site.strip();
        guidance = guidance == null || guidance.isBlank() ? null : guidance.strip();
    }

    /** The last twelve months up to and including {@code today}. */
    public static OutcomeFilter lastYear(LocalDate today) {
        return new OutcomeFilter(today.minusYears(1).plusDays(1), today, null, null);
    }
}
