package org.synovia.scheduling;

import java.time.LocalDate;
import java.util.Set;

import org.synovia.shared.Guidance;

/**
 * Which open slots suit one patient's injection.
 *
 * @param operatorGrade the grade vetting asked for, or null
 * @param namedOperator the username of a named operator, or null
 * @param minimumMinutes the protocol's slot length
 * @param from first day (inclusive), to last day (inclusive)
 * @param awayFrom first day the patient is away, or null; awayTo last day
 * @param furtherSiteCodes the sites of the session's further targets: the operator must be competent for
 *        each of them as well as for {@code siteCode} (HAZ-86)
 */
public record SlotQuery(Guidance guidance, String siteCode, String operatorGrade, String namedOperator, int minimumMinutes,
        LocalDate from, LocalDate to, LocalDate awayFrom, LocalDate awayTo, Set<String> furtherSiteCodes) {

    /** A query for a session of one target. */
    public SlotQuery(Guidance guidance, String siteCode, String operatorGrade, String namedOperator, int minimumMinutes,
            LocalDate from, LocalDate to, LocalDate awayFrom, LocalDate awayTo) {
        this(guidance, siteCode, operatorGrade, namedOperator, minimumMinutes, from, to, awayFrom, awayTo, Set.of());
    }

    /** The same query narrowed to one day. */
    public SlotQuery onDay(LocalDate day) {
        return new SlotQuery(guidance, siteCode, operatorGrade, namedOperator, minimumMinutes, day, day, awayFrom, awayTo,
                furtherSiteCodes);
    }

    /** The same query starting on {@code day} instead, when that is later than its own first day. */
    public SlotQuery startingFrom(LocalDate day) {
        return day == null || !day.isAfter(from) ? this
                : new SlotQuery(guidance, siteCode, operatorGrade, namedOperator, minimumMinutes, day, to, awayFrom, awayTo,
                        furtherSiteCodes);
    }

    /** Every site of the session, the main one first. */
    public String[] siteCodes() {
        Set<String> all = new java.util.LinkedHashSet<>();
        all.add(siteCode);
        all.addAll(furtherSiteCodes);
        return all.toArray(String[]::new);
    }

    public SlotQuery {
        furtherSiteCodes = furtherSiteCodes == null ? Set.of() : Set.copyOf(furtherSiteCodes);
        if (guidance == null || siteCode == null || from == null || to == null) {
            throw new IllegalArgumentException("guidance, site and dates are required");
        }
        namedOperator = namedOperator == null || namedOperator.isBlank() ? null : namedOperator.strip();
        operatorGrade = operatorGrade == null || operatorGrade.isBlank() ? null : operatorGrade;
    }
}
