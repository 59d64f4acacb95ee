package org.synovia.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.springframework.web.util.UriUtils;
import org.synovia.audit.AuditEvent;
import org.synovia.audit.AuditPage;
import org.synovia.shared.web.RowText;

/**
 * One line of the audit trail as the page prints it: text and the patient's link made once per line, not per cell
 * in the template (ADR 0105).
 *
 * @param patientHref the trail filtered to this line's patient, or null when the line names no patient
 * @param patientText the patient's NHS number, or "No NHS number (…)" with the start of the patient's id
 */
public record AuditTrailRow(String when, String who, String roles, String action, String record, String patientHref,
        String patientText, String remoteAddress, String details) {

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
}
