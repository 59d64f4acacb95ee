package org.synovia.booking;

import java.util.UUID;

/** A room and an operator that some booked appointments share, with their names: a list's filter choices. */
public record RoomAndOperator(UUID roomId, String roomName, UUID operatorId, String operatorName) {
}
