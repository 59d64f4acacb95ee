package org.synovia.diary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A red flag a patient reported, on the team's worklist until someone acknowledges it with what they did. */
public record DiaryAlert(UUID id, UUID appointmentId, UUID patientId, String patientName, String timePoint,
        List<String> redFlags, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, String actionTaken) {

    public boolean open() {
        return acknowledgedAt == null;
    }
}
