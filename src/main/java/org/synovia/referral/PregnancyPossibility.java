package org.synovia.referral;

/** What the referrer knows of pregnancy; X-ray and CT guidance need an enquiry on the day (facts PG-01..07). */
public enum PregnancyPossibility implements Labelled {
    NOT_APPLICABLE("Not applicable (no childbearing potential)"),
    NOT_PREGNANT("Not pregnant, as far as known"),
    POSSIBLE("Possibly pregnant"),
    PREGNANT("Pregnant");

    private final String label;

    PregnancyPossibility(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
