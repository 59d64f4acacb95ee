package org.synovia.scheduling;

import java.time.LocalDate;

import org.synovia.shared.Guidance;

/**
 * Which open slots suit one patient's injection.
 *
 * @param operatorGrade the grade vetting asked for, or null
 * @param namedOperator the username of a named operator, or null
 * @param minimumMinutes the protocol's slot length
 * @param from first day (inclusive), to last day (inclusive)
 * @param awayFrom first day the patient is away, or null; awayTo last day
 */
public record SlotQuery(Guidance guidance, String siteCode, String operatorGrade, String namedOperator, int minimumMinutes,
        LocalDate from, LocalDate to, LocalDate awayFrom, LocalDate awayTo) {

    public SlotQuery {
        if (guidance == null || siteCode == null || from == null || to == null) {
            throw new IllegalArgumentException("guidance, site and dates are required");
        }
        namedOperator = namedOperator == null || namedOperator.isBlank() ? null : namedOperator.strip();
        operatorGrade = operatorGrade == null || operatorGrade.isBlank() ? null : operatorGrade;
    }
}
