package org.synovia.vetting;

/** What failing a commissioning rule means for the referral. */
public enum PolicyAction {
    /** The commissioner does not fund it: reject, or accept only with an individual funding request. */
    NOT_FUNDED,
    /** Fundable with the commissioner's prior approval. */
    PRIOR_APPROVAL,
    /** Advice for the radiologist; funding is not affected. */
    ADVISORY
}
