package org.synovia.booking.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;
import org.synovia.booking.AppointmentCursor;

/**
 * Where the page sits in the appointments list ("Appointments 51–100 of 412") and the links to the first page, the
 * next page, and the whole period at once for printing, with the days kept (ADR 0116).
 *
 * @param nextHref  the next 50, or null on the last page
 * @param firstHref back to the start, or null on the first page
 * @param allHref   every appointment of the days on one page, or null when this page already is
 */
record AppointmentPages(String position, String nextHref, String firstHref, String allHref) {

    static AppointmentPages of(LocalDate from, LocalDate to, int first, int shown, long total, AppointmentCursor next,
            boolean afterStart) {
        String position = shown == 0 ? null
                : String.format(Locale.UK, "Appointments %,d–%,d of %,d", first, first + shown - 1,
                        Math.max(total, first + shown - 1L));
        String nextHref = next == null ? null
                : days(from, to).queryParam("after", next.token()).queryParam("position", first + shown).build().encode()
                        .toUriString();
        String firstHref = afterStart ? days(from, to).build().encode().toUriString() : null;
        boolean paged = afterStart || next != null;
        return new AppointmentPages(position, nextHref, firstHref,
                paged ? days(from, to).queryParam("all", true).build().encode().toUriString() : null);
    }

    static AppointmentPages all(LocalDate from, LocalDate to, int shown) {
        return new AppointmentPages(shown == 0 ? null : String.format(Locale.UK, "All %,d appointments of these days", shown),
                null, null, null);
    }

    private static UriComponentsBuilder days(LocalDate from, LocalDate to) {
        return UriComponentsBuilder.fromPath("/appointments").queryParam("from", from).queryParam("to", to);
    }
}
