package org.synovia.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import org.springframework.web.util.UriUtils;
import org.synovia.audit.AuditEvent;
import org.synovia.audit.AuditPage;
import org.synovia.shared.web.RowHtml;
import org.synovia.shared.web.RowText;

/**
 * One line of the audit trail as the page prints it: text and the patient's link made once per line, not per cell
 * in the template (ADR 0105), and the line's markup drawn in Java with every value escaped (ADR 0121).
 *
 * @param patientHref the trail filtered to this line's patient, or null when the line names no patient
 * @param patientText the patient's NHS number, or "No NHS number (…)" with the start of the patient's id
 */
public record AuditTrailRow(String when, String who, String roles, String action, String record, String patientHref,
        String patientText, String remoteAddress, String details) {

    private static final RowHtml TO_RECORD = RowHtml.of("""

                  <tr>
                    <td>{}</td>
                    <td>{}</td>
                    <td>{}</td>
                    <td>{}</td>
                    <td>{}</td>
                    <td>""");
    private static final RowHtml PATIENT = RowHtml.of("<a href=\"{}\">{}</a>");
    private static final RowHtml FROM_AND_DETAILS = RowHtml.of("""
            </td>
                    <td>{}</td>
                    <td>{}</td>
                  </tr>""");

    static AuditTrailRow of(AuditEvent e, AuditPage page, ZoneId zone) {
        String href = null;
        String text = null;
        if (e.patientId() != null) {
            String nhs = page.nhsNumber(e);
            href = RowText.link("/admin/audit?" + (nhs != null
                    ? "nhs=" + UriUtils.encodeQueryParam(nhs, StandardCharsets.UTF_8) : "patient=" + e.patientId()));
            text = nhs != null ? nhs : "No NHS number (" + e.patientId().toString().substring(0, 8) + ")";
        }
        return new AuditTrailRow(RowText.format(e.occurredAt(), zone, "d MMM yyyy HH:mm:ss"), page.who(e), e.roles(),
                String.valueOf(e.action()), e.recordType() + (e.recordId() != null ? " " + e.recordId() : ""), href, text,
                e.remoteAddress(), e.details());
    }

    /** The lines of the table's body. */
    static String html(List<AuditTrailRow> rows) {
        StringBuilder html = new StringBuilder(rows.size() * 400);
        for (AuditTrailRow row : rows) {
            TO_RECORD.append(html, row.when, row.who, row.roles, row.action, row.record);
            if (row.patientHref != null) {
                PATIENT.append(html, row.patientHref, row.patientText);
            }
            FROM_AND_DETAILS.append(html, row.remoteAddress, row.details);
        }
        return html.append('\n').toString();
    }
}
