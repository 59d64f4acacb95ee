package org.synovia.procedure;

/** Where a patient on the day list stands. */
public enum VisitStatus {
    BOOKED("Booked"),
    ARRIVED("Arrived"),
    IN_ROOM("In room"),
    DONE("Done"),
    DID_NOT_ATTEND("Did not attend");

    private final String label;

    VisitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
