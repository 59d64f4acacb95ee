package org.synovia.booking;

import java.util.List;

/** One page of the appointments list, how many the days hold in all, and where the next page starts (none: last). */
public record AppointmentListPage(List<BookedProcedure> appointments, long total, AppointmentCursor next) {

    public AppointmentListPage {
        appointments = List.copyOf(appointments);
    }
}
