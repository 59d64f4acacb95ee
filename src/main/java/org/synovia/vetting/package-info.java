/**
 * Vetting: a radiologist turns a referral into a protocol (accept), sends it back (reject) or asks
 * the referrer for more; commissioning policies are checked on the way. Owns {@code vetting_decision}.
 * Moves referrals through the referral façade (which publishes {@code ReferralStatusChanged}) and
 * puts accepted referrals on the waiting list in the same transaction. Publishes
 * {@link org.synovia.vetting.JointReplacementTooCloseFound} when it accepts a joint due to be replaced too soon.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vetting")
package org.synovia.vetting;
