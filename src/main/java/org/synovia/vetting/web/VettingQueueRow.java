package org.synovia.vetting.web;

import java.time.ZoneId;
import java.util.List;

import org.synovia.referral.ReferralSummary;
import org.synovia.shared.web.RowHtml;
import org.synovia.shared.web.RowText;

/**
 * One line of the vetting queue as the page prints it: text and link made once, and the row's markup drawn in Java
 * with every value escaped, not cell by cell by the template (ADR 0105, 0118).
 */
public record VettingQueueRow(String href, String received, String urgencyClass, String urgency, String patientName,
        String request, String referrerName, String statusClass, String status) {

    private static final RowHtml ROW = RowHtml.of("""

            <tr>
              <td><a href="{}">{}</a></td>
              <td><span class="{}">{}</span></td>
              <td>{}</td>
              <td>{}</td>
              <td>{}</td>
              <td><span class="{}">{}</span></td>
            </tr>""");

    static VettingQueueRow of(ReferralSummary r, ZoneId zone) {
        return new VettingQueueRow(RowText.link("/vetting/" + r.id()), RowText.format(r.submittedAt(), zone, "d MMM yyyy HH:mm"),
                "tag urgency-" + r.urgency(), r.urgency().label(), r.patientName(),
                r.target() + " — " + r.intent().label().toLowerCase(), r.referrerName(), "tag status-" + r.status(),
                r.status().label());
    }

    /** The rows of the queue's table body. */
    static String html(List<VettingQueueRow> rows) {
        StringBuilder html = new StringBuilder(rows.size() * 420);
        for (VettingQueueRow r : rows) {
            ROW.append(html, r.href, r.received, r.urgencyClass, r.urgency, r.patientName, r.request, r.referrerName,
                    r.statusClass, r.status);
        }
        return html.append('\n').toString();
    }
}
