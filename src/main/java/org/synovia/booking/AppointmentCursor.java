package org.synovia.booking;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.synovia.shared.InvalidInputException;

/**
 * Where a page of the appointments list or the day list ends: the last appointment's start and id, the lists' order.
 * The next page starts after it, so an appointment booked or cancelled meanwhile neither repeats nor hides another
 * (ADR 0116, ADR 0119).
 */
public record AppointmentCursor(Instant start, UUID appointmentId) {

    static AppointmentCursor after(BookedProcedure last) {
        return new AppointmentCursor(last.start(), last.appointmentId());
    }

    /** The cursor as a link carries it: {@code 2027-01-12T09:30:00Z_<appointment id>}. */
    public String token() {
        return start + "_" + appointmentId;
    }

    /** Where a page ending with this appointment ends. */
    public static AppointmentCursor after(Appointment last) {
        return new AppointmentCursor(last.start(), last.id());
    }

    /** Reads a link's cursor; none for a blank one, a clear error for one that was not made by {@link #token()}. */
    public static AppointmentCursor parse(String token) {
        return parse(token, "the appointments list");
    }

    /** As {@link #parse(String)}, naming the list whose link it was in the error. */
    public static AppointmentCursor parse(String token, String list) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String[] parts = token.split("_", -1);
        try {
            if (parts.length == 2) {
                return new AppointmentCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        }
        catch (DateTimeParseException | IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInputException("after", "This page link is not one " + list + " made; start again from the first page.");
    }
}
