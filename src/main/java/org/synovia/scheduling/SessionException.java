package org.synovia.scheduling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

/** Days when a room is closed or an operator is away: no slots are offered then. */
public record SessionException(UUID id, Kind kind, UUID roomId, UUID operatorId, LocalDate firstDay, LocalDate lastDay,
        String reason) {

    public enum Kind { OPERATOR_LEAVE, ROOM_CLOSED }

    public SessionException {
        List<FieldProblem> problems = new ArrayList<>();
        reason = reason == null ? "" : reason.strip();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "Choose whether a room is closed or an operator is away."));
        }
        else if (kind == Kind.ROOM_CLOSED && roomId == null) {
            problems.add(new FieldProblem("roomId", "Choose the room that is closed."));
        }
        else if (kind == Kind.OPERATOR_LEAVE && operatorId == null) {
            problems.add(new FieldProblem("operatorId", "Choose the operator who is away."));
        }
        if (firstDay == null) {
            problems.add(new FieldProblem("firstDay", "Give the first day."));
        }
        if (lastDay == null) {
            problems.add(new FieldProblem("lastDay", "Give the last day."));
        }
        else if (firstDay != null && lastDay.isBefore(firstDay)) {
            problems.add(new FieldProblem("lastDay", "The last day cannot be before the first."));
        }
        if (reason.isEmpty() || reason.length() > 500) {
            problems.add(new FieldProblem("reason", "Say why (at most 500 characters)."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (kind == Kind.ROOM_CLOSED) {
            operatorId = null;
        }
        else {
            roomId = null;
        }
    }

    public boolean covers(LocalDate day, UUID room, UUID operator) {
        boolean who = kind == Kind.ROOM_CLOSED ? roomId.equals(room) : operatorId.equals(operator);
        return who && !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
