package org.synovia.waitinglist.web;

import java.time.LocalDate;
import java.util.List;

import org.synovia.safety.SafetyOverride;
import org.synovia.shared.web.RowText;
import org.synovia.waitinglist.FundingClearance;
import org.synovia.waitinglist.WaitingListEntry;

/**
 * One line of the waiting list as the page prints it: dates, sentences and links made once per row in Java, not
 * per cell in the template (ADR 0105). The funding badge's values are those of {@code fragments/funding :: badge}.
 */
public record WaitingListRow(String breachDate, String breachClass, String breachText, String referralHref,
        String patientName, String nhsNumber, String bookHref, String bookLabel, String procedure, String priority,
        String earliest, String latest, String dateConstraints, List<SafetyOverride> overrides, String away,
        String unavailabilityAction, String fromId, String toId, String fundingClass, String fundingState,
        String fundingSentence, String fundingLabel, boolean fundingAllowsTreatment, String fundingHref,
        String fundingAriaLabel) {

    private static final String DAY = "d MMM yyyy";

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
}
