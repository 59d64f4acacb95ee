package org.synovia.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.synovia.shared.Guidance;

/** A bookable slot with what booking needs to judge it and what the letter says. */
public record Slot(UUID id, UUID templateId, Instant start, Instant end, boolean oneStop, UUID roomId, String roomName,
        String roomLocation, java.util.Set<Guidance> roomGuidance, UUID operatorId, String operatorUsername,
        String operatorName, OperatorGrade operatorGrade, String withdrawnReason) {

    public long minutes() {
        return java.time.Duration.between(start, end).toMinutes();
    }
}
