package org.synovia.planning;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.synovia.shared.Guidance;
import org.synovia.waitinglist.Priority;

/**
 * One patient waiting with an accepted protocol, as the plan needs them.
 *
 * @param siteCodes every site of the session (the main one first); the operator must be competent for each
 * @param operatorGrade the grade vetting asked for ({@code OperatorGrade.name()}), or null for any
 * @param namedOperatorId the operator vetting named, or null
 * @param earliest the first day it is safe and allowed to inject (blood-thinner holds with notice, repeat
 *        intervals, the entry's own earliest date)
 * @param latest the last day allowed (e.g. before a planned joint replacement), or null
 * @param unavailableFrom first day the patient is away, or null; unavailableTo the last
 * @param oneStop the patient is to be seen in a one-stop clinic: a slot with its following slot
 * @param lastOperatorId who injected this patient last time, or null (a soft preference)
 */
public record WaitingPatient(UUID referralId, UUID patientId, String patientName, String siteName, Guidance guidance,
        Set<String> siteCodes, String operatorGrade, UUID namedOperatorId, int minutes, Priority priority,
        LocalDate clockStart, LocalDate breachDate, LocalDate earliest, LocalDate latest, LocalDate unavailableFrom,
        LocalDate unavailableTo, boolean oneStop, UUID lastOperatorId) {

    public WaitingPatient {
        siteCodes = Set.copyOf(siteCodes);
    }

    /** The patient is away on this day. */
    public boolean awayOn(LocalDate day) {
        return unavailableFrom != null && !day.isBefore(unavailableFrom)
                && (unavailableTo == null || !day.isAfter(unavailableTo));
    }
}
