package org.synovia.waitinglist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.synovia.shared.InvalidInputException;

/**
 * Where a page of the waiting list ends: the last entry's place in the list's order (breach date, clock start,
 * referral). The next page starts after it, so an entry added or booked meanwhile neither repeats nor hides one.
 */
public record WaitingListCursor(LocalDate breachDate, LocalDate clockStart, UUID referralId) {

    static WaitingListCursor after(WaitingListEntry entry) {
        return new WaitingListCursor(entry.breachDate(), entry.clockStart(), entry.referralId());
    }

    /** The cursor as a link carries it: {@code 2027-02-01_2026-10-05_<referral id>}. */
    public String token() {
        return breachDate + "_" + clockStart + "_" + referralId;
    }

    /** Reads a link's cursor; none for a blank one, a clear error for one that was not made by {@link #token()}. */
    public static WaitingListCursor parse(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String[] parts = token.split("_", -1);
        try {
            if (parts.length == 3) {
                return new WaitingListCursor(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]), UUID.fromString(parts[2]));
            }
        }
        catch (DateTimeParseException | IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInputException("after", "This page link is not one the waiting list made; start again from the first page.");
    }
}
