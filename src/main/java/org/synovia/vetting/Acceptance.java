package org.synovia.vetting;

import java.time.LocalDate;

/**
 * What the radiologist adds to the protocol when accepting.
 *
 * @param policySet the commissioner's or insurer's policy set the referral was judged against
 * @param plannedJointReplacement a planned replacement of the injected joint, if any: the injection
 *        must be at least 3 months before it (facts RI-10, CI-13)
 * @param note free text for the record
 */
public record Acceptance(String policySet, LocalDate plannedJointReplacement, String note) {
}
