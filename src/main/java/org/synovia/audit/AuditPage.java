package org.synovia.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of the trail with the people named: staff by full name, patients by NHS number.
 *
 * @param next where the following page starts, or null on the last page
 */
public record AuditPage(List<AuditEvent> events, AuditCursor next, Map<String, String> staffNames,
        Map<UUID, String> nhsNumbers) {

    public AuditPage {
        events = List.copyOf(events);
        staffNames = Map.copyOf(staffNames);
        nhsNumbers = Map.copyOf(nhsNumbers);
    }

    /** "Jane Smith (jsmith)", or the username alone when it is no account. */
    public String who(AuditEvent event) {
        String name = staffNames.get(event.username());
        return name == null ? event.username() : name + " (" + event.username() + ")";
    }

    public String nhsNumber(AuditEvent event) {
        return event.patientId() == null ? null : nhsNumbers.get(event.patientId());
    }
}
