/**
 * Referrals for an image-guided injection and their lifecycle (submitted, in vetting, accepted,
 * rejected, more information asked, waiting, booked, done, withdrawn). Owns the {@code referral}
 * table and its child lists. Publishes {@link org.synovia.referral.ReferralReceived}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrals")
package org.synovia.referral;
