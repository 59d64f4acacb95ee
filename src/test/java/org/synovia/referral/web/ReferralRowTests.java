package org.synovia.referral.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.shared.web.RowTemplates.drawn;
import static org.synovia.shared.web.RowTemplates.normalised;
import static org.synovia.shared.web.RowTemplates.table;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The referral list's rows drawn in Java are the rows its template drew (ADR 0118), escaping included. */
class ReferralRowTests {

    /** The row of {@code referral/list.html} before it was drawn in Java. */
    private static final String TEMPLATE_ROW = """
                <tr th:each="r : ${referrals}">
                  <td><a th:href="${r.href()}" th:text="${r.submitted()}">date</a></td>
                  <td><span th:text="${r.patientName()}">SMITH, Jane</span><br><span class="muted" th:text="${r.nhsNumber()}"></span></td>
                  <td th:text="${r.target()}">Hip joint, left</td>
                  <td th:text="${r.intent()}"></td>
                  <td><span th:class="${r.urgencyClass()}" th:text="${r.urgency()}"></span></td>
                  <td><span th:class="${r.statusClass()}" th:text="${r.status()}"></span>
                    <div th:if="${r.openQuestion() != null}" class="warning" style="margin:.4rem 0 0">
                      <strong>Question:</strong> <span th:text="${r.openQuestion()}"></span>
                      <a th:href="${r.href()}">Answer</a>
                    </div></td>
                  <td th:if="${!ownOnly}" th:text="${r.referrerName()}"></td>
                </tr>
            """;

    private static final List<ReferralRow> ROWS = List.of(
            new ReferralRow("/referrals/1", "7 Dec 2026 09:30", "O'BRIEN, Seán <\"Jr\"> & co", "943 476 5919",
                    "Hip joint, left", "Treatment", "tag urgency-URGENT", "Urgent", "tag status-SUBMITTED", "Submitted",
                    null, "Dr A & B Smith"),
            new ReferralRow("/ctx/referrals/2?x=1&y='2'", "8 Dec 2026 10:00", "TEST, Ann", "",
                    "Knee joint, right", "Diagnostic", "tag urgency-ROUTINE", "Routine", "tag status-MORE_INFORMATION_REQUESTED",
                    "More information requested", "Which side? <script>alert(1)</script>", "Dr C O'Neill"));

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void drawsTheRowsTheTemplateDrew(boolean ownOnly) {
        String template = drawn(TEMPLATE_ROW, Map.of("referrals", ROWS, "ownOnly", ownOnly));
        assertThat(normalised(table(ReferralRow.html(ROWS, !ownOnly)))).isEqualTo(normalised(template));
    }
}
