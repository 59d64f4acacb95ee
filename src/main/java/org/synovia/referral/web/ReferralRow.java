package org.synovia.referral.web;

import java.time.ZoneId;
import java.util.List;

import org.synovia.referral.ReferralSummary;
import org.synovia.shared.web.RowHtml;
import org.synovia.shared.web.RowText;

/**
 * One line of the referral list as the page prints it: text and link made once, and the row's markup drawn in Java
 * with every value escaped, not cell by cell by the template (ADR 0105, 0118).
 */
public record ReferralRow(String href, String submitted, String patientName, String nhsNumber, String target,
        String intent, String urgencyClass, String urgency, String statusClass, String status, String openQuestion,
        String referrerName) {

    private static final RowHtml CELLS = RowHtml.of("""
                <tr>
                  <td><a href="{}">{}</a></td>
                  <td><span>{}</span><br><span class="muted">{}</span></td>
                  <td>{}</td>
                  <td>{}</td>
                  <td><span class="{}">{}</span></td>
                  <td><span class="{}">{}</span>""");
    private static final RowHtml QUESTION = RowHtml.of("""

                    <div class="warning" style="margin:.4rem 0 0">
                      <strong>Question:</strong> <span>{}</span>
                      <a href="{}">Answer</a>
                    </div>""");
    private static final RowHtml REFERRER = RowHtml.of("""

                  <td>{}</td>""");

    static ReferralRow of(ReferralSummary r, ZoneId zone) {
        return new ReferralRow(RowText.link("/referrals/" + r.id()), RowText.format(r.submittedAt(), zone, "d MMM yyyy HH:mm"),
                r.patientName(), r.nhsNumber() != null ? r.nhsNumber() : "", r.target(), r.intent().label(),
                "tag urgency-" + r.urgency(), r.urgency().label(), "tag status-" + r.status(), r.status().label(),
                r.openQuestion(), r.referrerName());
    }

    /** The rows of the table's body; the referrer's column only where the page shows it (not to referrers). */
    static String html(List<ReferralRow> rows, boolean referrerShown) {
        StringBuilder html = new StringBuilder(rows.size() * 640);
        for (ReferralRow row : rows) {
            row.appendTo(html, referrerShown);
        }
        return html.append('\n').toString();
    }

    private void appendTo(StringBuilder html, boolean referrerShown) {
        CELLS.append(html.append('\n'), href, submitted, patientName, nhsNumber, target, intent, urgencyClass,
                urgency, statusClass, status);
        if (openQuestion != null) {
            QUESTION.append(html, openQuestion, href);
        }
        html.append("</td>");
        if (referrerShown) {
            REFERRER.append(html, referrerName);
        }
        html.append("\n</tr>");
    }
}
