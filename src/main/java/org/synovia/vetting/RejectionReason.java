package org.synovia.vetting;

/** Why a referral is sent back, coded so that rejections can be counted. */
public enum RejectionReason {
    LANDMARK_IN_PRIMARY_CARE("A landmark injection in primary or community care is appropriate"),
    POLICY_NOT_MET("The commissioning policy is not met"),
    CONTRAINDICATION("Contraindication to injection"),
    NOT_INDICATED("Injection is not indicated for this problem"),
    DUPLICATE("Duplicate of another referral"),
    OTHER("Other");

    private final String label;

    RejectionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
