package org.synovia.referral;

/** The urgency the referrer asks for; the vetting radiologist sets the priority. */
public enum Urgency implements Labelled {
    ROUTINE("Routine"),
    SOON("Soon"),
    URGENT("Urgent");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
