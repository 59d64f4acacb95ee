package org.synovia.vetting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.shared.web.RowTemplates.drawn;
import static org.synovia.shared.web.RowTemplates.normalised;
import static org.synovia.shared.web.RowTemplates.table;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The vetting queue's rows drawn in Java are the rows its template drew (ADR 0118), escaping included. */
class VettingQueueRowTests {

    /** The row of {@code vetting/queue.html} before it was drawn in Java. */
    private static final String TEMPLATE_ROW = """
                <tr th:each="r : ${queue}">
                  <td><a th:href="${r.href()}" th:text="${r.received()}">date</a></td>
                  <td><span th:class="${r.urgencyClass()}" th:text="${r.urgency()}"></span></td>
                  <td th:text="${r.patientName()}">SMITH, Jane</td>
                  <td th:text="${r.request()}"></td>
                  <td th:text="${r.referrerName()}"></td>
                  <td><span th:class="${r.statusClass()}" th:text="${r.status()}"></span></td>
                </tr>
            """;

    @Test
    void drawsTheRowsTheTemplateDrew() {
        List<VettingQueueRow> rows = List.of(
                new VettingQueueRow("/vetting/1", "7 Dec 2026 09:30", "tag urgency-URGENT", "Urgent",
                        "O'BRIEN, Seán <\"Jr\"> & co", "Hip joint, left — treatment", "Dr A & B Smith",
                        "tag status-SUBMITTED", "Submitted"),
                new VettingQueueRow("/ctx/vetting/2?x=1&y='2'", "8 Dec 2026 10:00", "tag urgency-ROUTINE", "Routine",
                        "TEST, Ann", "Knee <b>joint</b>", null, "tag status-IN_VETTING", "In vetting"));
        String template = drawn(TEMPLATE_ROW, Map.of("queue", rows));
        assertThat(normalised(table(VettingQueueRow.html(rows)))).isEqualTo(normalised(template));
    }
}
