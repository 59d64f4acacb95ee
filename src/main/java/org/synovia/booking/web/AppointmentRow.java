package org.synovia.booking.web;

import java.time.ZoneId;
import java.util.List;

import org.synovia.booking.BookedProcedure;
import org.synovia.shared.web.RowHtml;
import org.synovia.shared.web.RowText;

/**
 * One line of the appointments list as the page prints it: text and link made once, not per cell in the template
 * (ADR 0105), and the row's markup drawn in Java with every value escaped (ADR 0121).
 */
public record AppointmentRow(String when, String patientName, String nhsNumber, String procedure, String roomAndOperator,
        String href, String openLabel) {

    private static final RowHtml ROW = RowHtml.of("""
            <tr>
              <td>{}</td>
              <td><span>{}</span><br>
                <span class="muted">{}</span></td>
              <td>{}</td>
              <td>{}</td>
              <td><a href="{}" aria-label="{}">Open</a></td></tr>""");

    static AppointmentRow of(BookedProcedure a, ZoneId zone) {
        return new AppointmentRow(RowText.format(a.start(), zone, "EEE d MMM yyyy HH:mm"),
                a.familyName() + ", " + a.givenName(), "NHS number " + (a.nhsNumber() != null ? a.nhsNumber() : "—"),
                (a.siteName() != null ? a.siteName() : a.siteCode()) + ", " + a.laterality().label().toLowerCase() + ", "
                        + a.guidance().label(),
                a.roomName() + " · " + a.operatorName(), RowText.link("/appointments/" + a.appointmentId()),
                "Open the appointment of " + a.givenName() + " " + a.familyName());
    }

    /** The rows of the table's body. */
    static String html(List<AppointmentRow> rows) {
        StringBuilder html = new StringBuilder(rows.size() * 400);
        for (AppointmentRow row : rows) {
            ROW.append(html, row.when, row.patientName, row.nhsNumber, row.procedure, row.roomAndOperator, row.href,
                    row.openLabel);
        }
        return html.toString();
    }
}
