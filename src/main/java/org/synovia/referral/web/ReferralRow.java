package org.synovia.referral.web;

import java.time.ZoneId;

import org.synovia.referral.ReferralSummary;
import org.synovia.shared.web.RowText;

/** One line of the referral list as the page prints it: text and link made once, not per cell in the template. */
public record ReferralRow(String href, String submitted, String patientName, String nhsNumber, String target,
        String intent, String urgencyClass, String urgency, String statusClass, String status, String openQuestion,
        String referrerName) {

    static ReferralRow of(ReferralSummary r, ZoneId zone) {
        return new ReferralRow(RowText.link("/referrals/" + r.id()), RowText.format(r.submittedAt(), zone, "d MMM yyyy HH:mm"),
                r.patientName(), r.nhsNumber() != null ? r.nhsNumber() : "", r.target(), r.intent().label(),
                "tag urgency-" + r.urgency(), r.urgency().label(), "tag status-" + r.status(), r.status().label(),
                r.openQuestion(), r.referrerName());
    }
}
