package org.synovia.booking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.shared.web.RowTemplates.drawn;
import static org.synovia.shared.web.RowTemplates.normalised;
import static org.synovia.shared.web.RowTemplates.table;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The appointments list's rows drawn in Java are the rows its template drew (ADR 0121), escaping included. */
class AppointmentRowTests {

    /** The row of {@code booking/list.html} before it was drawn in Java. */
    private static final String TEMPLATE_ROW = """
            <tr th:each="a : ${appointments}">
              <td th:text="${a.when()}"></td>
              <td><span th:text="${a.patientName()}"></span><br>
                <span class="muted" th:text="${a.nhsNumber()}"></span></td>
              <td th:text="${a.procedure()}"></td>
              <td th:text="${a.roomAndOperator()}"></td>
              <td><a th:href="${a.href()}" th:aria-label="${a.openLabel()}">Open</a></td></tr>
            """;

    private static final List<AppointmentRow> ROWS = List.of(
            new AppointmentRow("Mon 7 Dec 2026 09:30", "O'BRIEN, Seán <\"Jr\"> & co", "NHS number 943 476 5919",
                    "Knee joint, left, ultrasound", "Room 1 · Dr A & B Smith", "/appointments/1",
                    "Open the appointment of Seán <\"Jr\"> & co O'BRIEN"),
            new AppointmentRow("Tue 8 Dec 2026 10:00", "TEST, Ann", "NHS number —", "Hip <joint>, right, fluoroscopy",
                    "Room 'B' · Dr C O'Neill", "/ctx/appointments/2?x=1&y='2'", "Open the appointment of Ann TEST"));

    @Test
    void drawsTheRowsTheTemplateDrew() {
        String template = drawn(TEMPLATE_ROW, Map.of("appointments", ROWS));
        assertThat(normalised(table(AppointmentRow.html(ROWS)))).isEqualTo(normalised(template));
    }

    @Test
    void drawsNothingForNoAppointments() {
        assertThat(AppointmentRow.html(List.of())).isEmpty();
    }
}
