package org.synovia.procedure.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.web.util.UriComponentsBuilder;
import org.synovia.booking.AppointmentCursor;

/**
 * Where the page sits in the day list ("Patients 51–100 of 200") and the links to the first page, the next page, and
 * the whole list at once for printing, with the day, room and operator kept (ADR 0119).
 *
 * @param nextHref  the next 50, or null on the last page
 * @param firstHref back to the start, or null on the first page
 * @param allHref   every patient of the list on one page, or null when this page already is
 */
record DayListPages(String position, String nextHref, String firstHref, String allHref) {

    static DayListPages of(LocalDate day, UUID roomId, UUID operatorId, int first, int shown, long total,
            AppointmentCursor next, boolean afterStart) {
        String position = shown == 0 ? null
                : String.format(Locale.UK, "Patients %,d–%,d of %,d", first, first + shown - 1,
                        Math.max(total, first + shown - 1L));
        String nextHref = next == null ? null
                : list(day, roomId, operatorId).queryParam("after", next.token()).queryParam("position", first + shown)
                        .build().encode().toUriString();
        String firstHref = afterStart ? list(day, roomId, operatorId).build().encode().toUriString() : null;
        boolean paged = afterStart || next != null;
        return new DayListPages(position, nextHref, firstHref,
                paged ? list(day, roomId, operatorId).queryParam("all", true).build().encode().toUriString() : null);
    }

    static DayListPages all(int shown) {
        return new DayListPages(shown == 0 ? null : String.format(Locale.UK, "All %,d patients of this list", shown),
                null, null, null);
    }

    private static UriComponentsBuilder list(LocalDate day, UUID roomId, UUID operatorId) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/day").queryParam("date", day);
        if (roomId != null) {
            link.queryParam("roomId", roomId);
        }
        if (operatorId != null) {
            link.queryParam("operatorId", operatorId);
        }
        return link;
    }
}
