package org.synovia.referral;

/** No referral with this id that the current user may see. */
public class ReferralNotFoundException extends RuntimeException {

    public ReferralNotFoundException(ReferralId id) {
        super("No referral " + id + " that you can see.");
    }
}
