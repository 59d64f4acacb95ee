package org.synovia.referral;

/** Conservative treatments tried before injection (commissioners ask for them, facts CC-04, NG-01). */
public enum TreatmentKind implements Labelled {
    PHYSIOTHERAPY("Physiotherapy or exercise therapy"),
    ANALGESIA("Analgesia"),
    ACTIVITY_CHANGE("Activity modification"),
    OTHER("Other");

    private final String label;

    TreatmentKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
