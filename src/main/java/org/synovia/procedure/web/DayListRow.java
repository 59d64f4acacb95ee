package org.synovia.procedure.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.synovia.dicom.ImagingProgress;
import org.synovia.procedure.DayListEntry;
import org.synovia.shared.web.RowHtml;
import org.synovia.shared.web.RowText;
import org.synovia.waitinglist.FundingClearance;

/**
 * The day list's rows as the page prints them, drawn in Java with every value escaped (ADR 0118, ADR 0122): the
 * template drew 50 rows of six cells, their alerts and badges as template events, a large share of the page's CPU.
 * The funding badge's markup is that of {@code fragments/funding :: badge}: change both together.
 */
final class DayListRow {

    private static final RowHtml TIME_AND_PATIENT = RowHtml.of("""
            <tr>
              <td>{}</td>
              <td><a href="{}">{}</a>
                <br><span>{}</span></td>
              <td><span>{}</span><br><span class="hint">{}</span></td>
              <td>{}</td>
              <td><span>{}</span>""");
    private static final RowHtml IMAGING = RowHtml.of("<br><span class=\"tag\">{}</span>");
    private static final RowHtml FUNDING = RowHtml.of("""
            <br><span class="{}" title="{}" data-funding="{}">
              <span>{}</span>""");
    private static final String NOT_YET = "<span class=\"visually-hidden\">: cannot be booked or injected yet</span>";
    private static final RowHtml ALERT = RowHtml.of("<li>{}</li>");

    private DayListRow() {
    }

    /** The rows of the list's table body, in the entries' order. */
    static String html(List<DayListEntry> entries, Map<UUID, ImagingProgress.Step> imaging,
            Map<UUID, FundingClearance> funding) {
        StringBuilder html = new StringBuilder(entries.size() * 1_200);
        for (DayListEntry e : entries) {
            TIME_AND_PATIENT.append(html, RowText.format(e.start(), "HH:mm"), RowText.link("/day/" + e.appointmentId()),
                    e.patientName(), "born " + RowText.format(e.dateOfBirth(), "d MMM yyyy"), e.procedure(), e.protocol(),
                    e.roomName() + " · " + e.operatorName(), e.status().label());
            ImagingProgress.Step step = imaging.get(e.appointmentId());
            if (step != null) {
                IMAGING.append(html, step.label());
            }
            FundingClearance clearance = funding.get(e.referralId());
            if (clearance != null) {
                FUNDING.append(html, "tag funding-badge" + (clearance.allowsTreatment() ? ""
                        : clearance.state().name().equals("REFUSED") ? " urgency-URGENT" : " urgency-SOON"),
                        clearance.sentence(), clearance.state().name(), clearance.state().label());
                if (!clearance.allowsTreatment()) {
                    html.append(NOT_YET);
                }
                html.append("\n</span>");
            }
            html.append("</td>\n  <td>");
            if (e.alerts().isEmpty()) {
                html.append("\n    <span>No alerts</span>");
            }
            else {
                html.append("<ul>");
                for (String alert : e.alerts()) {
                    ALERT.append(html, alert);
                }
                html.append("</ul>");
            }
            html.append("</td></tr>\n");
        }
        return html.toString();
    }
}
