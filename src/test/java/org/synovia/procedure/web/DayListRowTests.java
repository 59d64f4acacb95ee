package org.synovia.procedure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.shared.web.RowTemplates.drawn;
import static org.synovia.shared.web.RowTemplates.normalised;
import static org.synovia.shared.web.RowTemplates.table;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.synovia.dicom.ImagingProgress;
import org.synovia.procedure.DayListEntry;
import org.synovia.procedure.VisitStatus;
import org.synovia.waitinglist.FundingClearance;
import org.synovia.waitinglist.FundingState;
import org.synovia.waitinglist.FundingStatus;
import org.synovia.waitinglist.Payer;

/** The day list's rows say what its template said: every cell, badge and alert, with and without each optional part. */
class DayListRowTests {

    /**
     * The row of {@code procedure/day.html} before it was drawn in Java (ADR 0122), with the link written as the path
     * it made and the funding badge's fragment ({@code fragments/funding :: badge}) written in place, its tag on one line.
     */
    private static final String TEMPLATE_ROW = """
            <tr th:each="e : ${entries}">
              <td th:text="${#temporals.format(e.start(), 'HH:mm')}"></td>
              <td><a th:href="${'/day/' + e.appointmentId()}" th:text="${e.patientName()}"></a>
                <br><span th:text="'born ' + ${#temporals.format(e.dateOfBirth(), 'd MMM yyyy')}"></span></td>
              <td><span th:text="${e.procedure()}"></span><br><span class="hint" th:text="${e.protocol()}"></span></td>
              <td th:text="${e.roomName()} + ' · ' + ${e.operatorName()}"></td>
              <td><span th:text="${e.status().label()}"></span><th:block th:if="${imaging.containsKey(e.appointmentId())}"><br><span class="tag"
                th:text="${imaging.get(e.appointmentId()).label()}">Imaging in progress</span></th:block><th:block
                th:if="${funding.containsKey(e.referralId())}" th:with="f=${funding.get(e.referralId())}"><br><span class="tag funding-badge" th:classappend="${f.allowsTreatment()} ? '' : (${f.state().name() == 'REFUSED'} ? 'urgency-URGENT' : 'urgency-SOON')" th:attr="data-funding=${f.state().name()}" th:title="${f.sentence()}">
              <span th:text="${f.state().label()}">Awaiting funding approval</span><span class="visually-hidden"
                  th:if="${!f.allowsTreatment()}">: cannot be booked or injected yet</span>
            </span></th:block></td>
              <td><ul th:if="${!e.alerts().isEmpty()}"><li th:each="a : ${e.alerts()}" th:text="${a}"></li></ul>
                <span th:if="${e.alerts().isEmpty()}">No alerts</span></td></tr>
            """;

    @BeforeEach
    void english() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void forgetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void drawsTheRowsTheTemplateDrew() {
        DayListEntry plain = entry("FICTIONAL, Quinn", VisitStatus.BOOKED, List.of());
        DayListEntry marked = entry("O'BRIEN, <b>Seán</b> & \"co\"", VisitStatus.ARRIVED,
                List.of("STOP SAF-023: INR 3.4 > 3.0 & \"rising\"", "WARN: last <steroid> 41 days ago"));
        DayListEntry refused = entry("REFUSED, Ren", VisitStatus.IN_ROOM, List.of("No accepted protocol"));
        DayListEntry approved = entry("APPROVED, Ada", VisitStatus.DONE, List.of());
        List<DayListEntry> entries = List.of(plain, marked, refused, approved);
        Map<UUID, ImagingProgress.Step> imaging = Map.of(marked.appointmentId(),
                new ImagingProgress.Step("IN PROGRESS", "US_<ROOM>&1", "US"));
        Map<UUID, FundingClearance> funding = Map.of(
                marked.referralId(), clearance(FundingState.AWAITING_APPROVAL, "Waiting for the \"commissioner's\" <decision>."),
                refused.referralId(), clearance(FundingState.REFUSED, "Funding refused on 2027-01-02: no & none"),
                approved.referralId(), clearance(FundingState.FUNDED, "Funded under the commissioning policy applied at vetting."));

        String template = drawn(TEMPLATE_ROW, Map.of("entries", entries, "imaging", imaging, "funding", funding));

        assertThat(normalised(table(DayListRow.html(entries, imaging, funding)))).isEqualTo(normalised(template));
        assertThat(template).as("each optional part is drawn at least once").contains("Imaging in progress (US_&lt;ROOM&gt;&amp;1)")
                .contains("urgency-URGENT").contains("urgency-SOON").contains("No alerts").contains("<li>")
                .contains("cannot be booked or injected yet");
    }

    @Test
    void drawsNoRowsForAnEmptyList() {
        assertThat(DayListRow.html(List.of(), Map.of(), Map.of())).isEmpty();
    }

    private static DayListEntry entry(String name, VisitStatus status, List<String> alerts) {
        return new DayListEntry(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), name, LocalDate.of(1960, 3, 7),
                LocalDateTime.of(2027, 1, 12, 9, 40), UUID.randomUUID(), "Room <1>", UUID.randomUUID(), "Dr O'Test",
                status, "Knee joint (right)", "Ultrasound · methylprednisolone 40 mg & lidocaine 1% 4 ml", alerts);
    }

    private static FundingClearance clearance(FundingState state, String sentence) {
        return new FundingClearance(state, sentence, FundingStatus.PRIOR_APPROVAL_REQUIRED, Payer.NHS, null, null);
    }
}
