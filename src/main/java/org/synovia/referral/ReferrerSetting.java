package org.synovia.referral;

/** Where the referral comes from; commissioners fund some guided injections only from some settings (facts EB-02, CC-04). */
public enum ReferrerSetting implements Labelled {
    PRIMARY_CARE("Primary care (GP)"),
    COMMUNITY_MSK("Community musculoskeletal service"),
    SECONDARY_CARE("Secondary care (hospital specialist)"),
    SECONDARY_CARE_SHOULDER_SERVICE("Secondary-care shoulder service");

    private final String label;

    ReferrerSetting(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
