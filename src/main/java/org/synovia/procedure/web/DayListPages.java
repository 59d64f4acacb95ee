package org.synovia.procedure.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.web.util.UriComponentsBuilder;
import org.synovia.booking.AppointmentCursor;
import org.synovia.shared.web.ListPageLinks;

/** The day list's page links, with the day, room and operator kept, and its print page (ADR 0119). */
final class DayListPages {

    private DayListPages() {
    }

    static ListPageLinks of(LocalDate day, UUID roomId, UUID operatorId, int first, int shown, long total,
            AppointmentCursor next, boolean afterStart) {
        return ListPageLinks.of("Patients", () -> list(day, roomId, operatorId), first, shown, total,
                next == null ? null : next.token(), afterStart, true);
    }

    static ListPageLinks all(int shown) {
        return ListPageLinks.whole(shown == 0 ? null : String.format(Locale.UK, "All %,d patients of this list", shown));
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
