package org.synovia.booking.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;
import org.synovia.booking.AppointmentCursor;
import org.synovia.shared.web.ListPageLinks;

/** The appointments list's page links, with the days kept, and its print page of the whole period (ADR 0116). */
final class AppointmentPages {

    private AppointmentPages() {
    }

    static ListPageLinks of(LocalDate from, LocalDate to, int first, int shown, long total, AppointmentCursor next,
            boolean afterStart) {
        return ListPageLinks.of("Appointments", () -> days(from, to), first, shown, total,
                next == null ? null : next.token(), afterStart, true);
    }

    static ListPageLinks all(LocalDate from, LocalDate to, int shown) {
        return ListPageLinks.whole(shown == 0 ? null : String.format(Locale.UK, "All %,d appointments of these days", shown));
    }

    private static UriComponentsBuilder days(LocalDate from, LocalDate to) {
        return UriComponentsBuilder.fromPath("/appointments").queryParam("from", from).queryParam("to", to);
    }
}
