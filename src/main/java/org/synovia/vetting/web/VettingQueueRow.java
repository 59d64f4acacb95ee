package org.synovia.vetting.web;

import java.time.ZoneId;

import org.synovia.referral.ReferralSummary;
import org.synovia.shared.web.RowText;

/** One line of the vetting queue as the page prints it: text and link made once, not per cell in the template. */
public record VettingQueueRow(String href, String received, String urgencyClass, String urgency, String patientName,
        String request, String referrerName, String statusClass, String status) {

    static VettingQueueRow of(ReferralSummary r, ZoneId zone) {
        return new VettingQueueRow(RowText.link("/vetting/" + r.id()), RowText.format(r.submittedAt(), zone, "d MMM yyyy HH:mm"),
                "tag urgency-" + r.urgency(), r.urgency().label(), r.patientName(),
                r.target() + " — " + r.intent().label().toLowerCase(), r.referrerName(), "tag status-" + r.status(),
                r.status().label());
    }
}
