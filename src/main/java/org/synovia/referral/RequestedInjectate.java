package org.synovia.referral;

/** What the referrer asks to be injected; the radiologist protocols the exact drugs and doses. */
public enum RequestedInjectate implements Labelled {
    CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC("Corticosteroid with local anaesthetic"),
    LOCAL_ANAESTHETIC_ONLY("Local anaesthetic only (diagnostic)"),
    HYALURONAN("Hyaluronan"),
    RADIOLOGIST_TO_ADVISE("Radiologist to advise");

    private final String label;

    RequestedInjectate(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
