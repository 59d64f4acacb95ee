package org.synovia.booking.web;

import java.time.ZoneId;

import org.synovia.booking.BookedProcedure;
import org.synovia.shared.web.RowText;

/** One line of the appointments list as the page prints it: text and link made once, not per cell in the template. */
public record AppointmentRow(String when, String patientName, String nhsNumber, String procedure, String roomAndOperator,
        String href, String openLabel) {

    static AppointmentRow of(BookedProcedure a, ZoneId zone) {
        return new AppointmentRow(RowText.format(a.start(), zone, "EEE d MMM yyyy HH:mm"),
                a.familyName() + ", " + a.givenName(), "NHS number " + (a.nhsNumber() != null ? a.nhsNumber() : "—"),
                (a.siteName() != null ? a.siteName() : a.siteCode()) + ", " + a.laterality().label().toLowerCase() + ", "
                        + a.guidance().label(),
                a.roomName() + " · " + a.operatorName(), RowText.link("/appointments/" + a.appointmentId()),
                "Open the appointment of " + a.givenName() + " " + a.familyName());
    }
}
