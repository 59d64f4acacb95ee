package org.synovia.procedure;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One patient on a day list.
 *
 * @param procedure the site and side, e.g. "Knee joint (right)"
 * @param protocol the accepted protocol in one line: guidance, approach and drugs
 * @param alerts what the team must confirm before starting, from the safety engine at the booked start
 */
public record DayListEntry(UUID appointmentId, UUID referralId, UUID patientId, String patientName,
        LocalDate dateOfBirth, LocalDateTime start, UUID roomId, String roomName, UUID operatorId, String operatorName,
        VisitStatus status, String procedure, String protocol, List<String> alerts) {

    public DayListEntry {
        alerts = List.copyOf(alerts);
    }
}
