package org.synovia.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.shared.web.RowTemplates.drawn;
import static org.synovia.shared.web.RowTemplates.drawnAlone;
import static org.synovia.shared.web.RowTemplates.normalised;
import static org.synovia.shared.web.RowTemplates.table;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditQuery;

/** The audit trail's lines and action options drawn in Java are those its template drew (ADR 0121), escaping included. */
class AuditTrailRowTests {

    /** The line of {@code audit/trail.html} before it was drawn in Java. */
    private static final String TEMPLATE_ROW = """
                  <tr th:each="r : ${rows}">
                    <td th:text="${r.when()}"></td>
                    <td th:text="${r.who()}"></td>
                    <td th:text="${r.roles()}"></td>
                    <td th:text="${r.action()}"></td>
                    <td th:text="${r.record()}"></td>
                    <td><a th:if="${r.patientHref() != null}" th:href="${r.patientHref()}" th:text="${r.patientText()}"></a></td>
                    <td th:text="${r.remoteAddress()}"></td>
                    <td th:text="${r.details()}"></td>
                  </tr>
            """;

    /** The action filter of {@code audit/trail.html} before its options were drawn in Java. */
    private static final String TEMPLATE_OPTIONS = """
            <select id="action" name="action"><option value="">Any</option><option th:each="a : ${actions}" th:value="${a}" th:text="${a}" th:selected="${a == query.action()}"></option></select>
            """;

    private static final List<AuditTrailRow> ROWS = List.of(
            new AuditTrailRow("7 Dec 2026 09:30:01", "O'Brien, Seán <\"Jr\"> & co", "RADIOLOGIST,NURSE", "READ",
                    "Referral 1f<2>", "/admin/audit?nhs=943%204765919", "943 476 5919", "127.0.0.1",
                    "list of <b>50</b> & 'more'"),
            new AuditTrailRow("7 Dec 2026 09:30:02", "system", null, "SIGN_IN", "UserAccount", null, null, null, null),
            new AuditTrailRow("7 Dec 2026 09:30:03", "clerk.smith", "BOOKING", "UPDATE", "Appointment 9",
                    "/ctx/admin/audit?patient=1&x='2'", "No NHS number (1234abcd)", "::1", ""));

    @Test
    void drawsTheLinesTheTemplateDrew() {
        String template = drawn(TEMPLATE_ROW, Map.of("rows", ROWS));
        assertThat(normalised(table(AuditTrailRow.html(ROWS)))).isEqualTo(normalised(template));
    }

    @ParameterizedTest
    @EnumSource(AuditAction.class)
    void drawsTheActionOptionsTheTemplateDrewWithEachChosen(AuditAction chosen) {
        AuditQuery query = new AuditQuery(null, null, null, chosen, null, null, AuditController.PAGE_SIZE);
        String template = drawnAlone(TEMPLATE_OPTIONS, Map.of("actions", AuditAction.values(), "query", query));
        String java = "<select id=\"action\" name=\"action\"><option value=\"\">Any</option>"
                + AuditController.actionOptions(chosen) + "</select>";
        assertThat(normalised(java)).isEqualTo(normalised(template)).contains("selected=\"selected\"");
    }
}
