package org.synovia.waitinglist.web;

import java.time.LocalDate;
import java.util.List;

import org.synovia.safety.SafetyOverride;
import org.synovia.shared.web.RowHtml;
import org.synovia.shared.web.RowText;
import org.synovia.waitinglist.FundingClearance;
import org.synovia.waitinglist.WaitingListEntry;

/**
 * One line of the waiting list as the page prints it: dates, sentences and links made once per row in Java, not
 * per cell in the template (ADR 0105), and the row's markup drawn in Java with every value escaped (ADR 0118). The
 * funding badge's values and markup are those of {@code fragments/funding :: badge}.
 */
public record WaitingListRow(String breachDate, String breachClass, String breachText, String referralHref,
        String patientName, String nhsNumber, String bookHref, String bookLabel, String procedure, String priority,
        String earliest, String latest, String dateConstraints, List<SafetyOverride> overrides, String away,
        String unavailabilityAction, String fromId, String toId, String fundingClass, String fundingState,
        String fundingSentence, String fundingLabel, boolean fundingAllowsTreatment, String fundingHref,
        String fundingAriaLabel) {

    private static final String DAY = "d MMM yyyy";

    private static final RowHtml BREACH_AND_PATIENT = RowHtml.of("""

            <tr>
              <td>
                <strong>{}</strong><br>
                <span class="{}">{}</span>
              </td>
              <td><a href="{}">{}</a><br><span class="muted">{}</span>
                <br>""");
    private static final RowHtml BOOK = RowHtml.of("<a href=\"{}\" aria-label=\"{}\">Book</a>");
    private static final RowHtml PROCEDURE_TO_EARLIEST = RowHtml.of("""
            </td>
              <td>{}</td>
              <td>{}</td>
              <td>
                <span>{}</span>""");
    private static final RowHtml LATEST = RowHtml.of("\n    <span>{}</span>");
    private static final RowHtml DATE_CONSTRAINTS = RowHtml.of("\n    <div class=\"muted\" style=\"white-space:pre-wrap\">{}</div>");
    private static final RowHtml OVERRIDE = RowHtml.of("""

                  <li><strong>{} {}</strong>:
                    <span>{}</span></li>""");
    private static final RowHtml AWAY = RowHtml.of("\n    <div class=\"muted\">{}</div>");
    private static final RowHtml UNAVAILABILITY_FORM = RowHtml.of("""

                <details><summary>Patient away…</summary>
                  <form action="{}" method="post">""");
    private static final RowHtml UNAVAILABILITY_FIELDS_AND_FUNDING = RowHtml.of("""

                    <label for="{}">From</label><input type="date" name="from" id="{}">
                    <label for="{}">To</label><input type="date" name="to" id="{}">
                    <button type="submit" class="secondary">Save</button>
                  </form>
                </details>
              </td>
              <td><span class="{}" title="{}" data-funding="{}">
            <span>{}</span>""");
    private static final String NOT_YET = "<span class=\"visually-hidden\">: cannot be booked or injected yet</span>";
    private static final RowHtml FUNDING_LINK = RowHtml.of("""

            </span>
                <br><a href="{}" aria-label="{}">Funding</a></td>
            </tr>""");
    private static final RowHtml HIDDEN_FIELD = RowHtml.of("<input type=\"hidden\" name=\"{}\" value=\"{}\"/>");

    static WaitingListRow of(WaitingListEntry e, LocalDate today, int nearBreachDays, List<SafetyOverride> overrides) {
        long days = e.daysToBreach(today);
        String id = e.referralId().toString();
        FundingClearance funding = e.funding();
        return new WaitingListRow(RowText.format(e.breachDate(), DAY),
                "tag" + (days < 0 ? " urgency-URGENT" : days <= nearBreachDays ? " urgency-SOON" : ""),
                days < 0 ? -days + " days past breach" : days + " days left",
                RowText.link("/referrals/" + id), e.patientName(), e.nhsNumber(), RowText.link("/bookings/referral/" + id),
                "Book " + e.patientName(),
                e.siteName() + ", " + e.laterality().toLowerCase() + " — " + e.guidance().label()
                        + (e.oneStopEligible() ? " · one-stop" : ""),
                e.priority().label() + " · " + e.standard().label() + " from " + RowText.format(e.clockStart(), DAY),
                e.earliestDate() != null ? "from " + RowText.format(e.earliestDate(), DAY) : "any time",
                e.latestDate() != null ? " until " + RowText.format(e.latestDate(), DAY) : null,
                e.dateConstraints() == null || e.dateConstraints().isBlank() ? null : e.dateConstraints(),
                overrides,
                e.unavailableFrom() != null ? "Away " + RowText.format(e.unavailableFrom(), "d MMM") + "–"
                        + RowText.format(e.unavailableTo(), DAY) : null,
                RowText.link("/waiting-list/" + id + "/unavailability"), "from-" + id, "to-" + id,
                "tag funding-badge" + (funding.allowsTreatment() ? ""
                        : funding.state().name().equals("REFUSED") ? " urgency-URGENT" : " urgency-SOON"),
                funding.state().name(), funding.sentence(), funding.state().label(), funding.allowsTreatment(),
                RowText.link("/funding/" + id), "Funding of " + e.patientName());
    }

    /**
     * The rows of the list's table body. {@code canBook}: the booking link is shown; {@code csrfField}: the hidden field
     * each row's form carries (as {@code th:action} adds it), or null where there is none.
     */
    static String html(List<WaitingListRow> rows, boolean canBook, String csrfField) {
        StringBuilder html = new StringBuilder(rows.size() * 2_000);
        for (WaitingListRow row : rows) {
            row.appendTo(html, canBook, csrfField);
        }
        return html.append('\n').toString();
    }

    /** The hidden field of a form's token, as {@code th:action} writes it into a form that posts. */
    static String hiddenField(String name, String value) {
        return HIDDEN_FIELD.append(new StringBuilder(), name, value).toString();
    }

    private void appendTo(StringBuilder html, boolean canBook, String csrfField) {
        BREACH_AND_PATIENT.append(html, breachDate, breachClass, breachText, referralHref, patientName, nhsNumber);
        if (canBook) {
            BOOK.append(html, bookHref, bookLabel);
        }
        PROCEDURE_TO_EARLIEST.append(html, procedure, priority, earliest);
        if (latest != null) {
            LATEST.append(html, latest);
        }
        if (dateConstraints != null) {
            DATE_CONSTRAINTS.append(html, dateConstraints);
        }
        if (!overrides.isEmpty()) {
            html.append("\n    <ul class=\"overrides\">");
            for (SafetyOverride o : overrides) {
                OVERRIDE.append(html, o.severity(), o.ruleId(), o.sentence());
            }
            html.append("\n    </ul>");
        }
        if (away != null) {
            AWAY.append(html, away);
        }
        UNAVAILABILITY_FORM.append(html, unavailabilityAction);
        if (csrfField != null) {
            html.append(csrfField);
        }
        UNAVAILABILITY_FIELDS_AND_FUNDING.append(html, fromId, fromId, toId, toId, fundingClass, fundingSentence,
                fundingState, fundingLabel);
        if (!fundingAllowsTreatment) {
            html.append(NOT_YET);
        }
        FUNDING_LINK.append(html, fundingHref, fundingAriaLabel);
    }
}
