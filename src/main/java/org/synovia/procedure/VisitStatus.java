package org.synovia.procedure;

import org.synovia.shared.InvalidInputException;

/** Where a patient on the day list stands. */
public enum VisitStatus {
    BOOKED("Booked"),
    ARRIVED("Arrived"),
    IN_ROOM("In room"),
    DONE("Done"),
    /** The patient did not agree to the procedure; it stops here (ADR 0015). */
    CONSENT_REFUSED("Stopped: consent refused"),
    /** The patient withdrew consent given earlier; the procedure stops here. */
    CONSENT_WITHDRAWN("Stopped: consent withdrawn"),
    DID_NOT_ATTEND("Did not attend");

    private final String label;

    VisitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The procedure cannot go on: the patient refused or withdrew consent. */
    public boolean stopped() {
        return this == CONSENT_REFUSED || this == CONSENT_WITHDRAWN;
    }

    /** Refuses, beside {@code field}, anything more on a visit the patient stopped. */
    void refuseWhenStopped(String field) {
        if (stopped()) {
            throw new InvalidInputException(field, "The procedure is stopped: " + label.toLowerCase().replace("stopped: ", "")
                    + ". Nothing more is done on this visit.");
        }
    }
}
