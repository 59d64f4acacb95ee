package org.synovia.procedure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.synovia.booking.AppointmentCursor;
import org.synovia.booking.RoomAndOperator;

/**
 * One page of the day list (ADR 0119): its patients with their funding states, how many the list holds in all (in
 * the room or with the operator chosen), where the next page starts (none: the last page), and the day's rooms and
 * operators to choose from, in the order of their first patient.
 */
public record DayListPage(DayList list, long total, AppointmentCursor next, List<RoomAndOperator> choices) {

    public DayListPage {
        choices = List.copyOf(choices);
    }

    /** The day's rooms by id, named, in the order of their first patient. */
    public Map<UUID, String> rooms() {
        Map<UUID, String> rooms = new LinkedHashMap<>();
        choices.forEach(c -> rooms.putIfAbsent(c.roomId(), c.roomName()));
        return rooms;
    }

    /** The day's operators by id, named, in the order of their first patient. */
    public Map<UUID, String> operators() {
        Map<UUID, String> operators = new LinkedHashMap<>();
        choices.forEach(c -> operators.putIfAbsent(c.operatorId(), c.operatorName()));
        return operators;
    }
}
