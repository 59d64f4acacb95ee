package org.synovia.procedure;

/** The three NatSSIPs checks, in the only order they may be done (facts NS-03, NS-04, NS-05). */
public enum ChecklistStep {
    SIGN_IN("Sign-in", "NS-03"),
    TIME_OUT("Time-out", "NS-04"),
    SIGN_OUT("Sign-out", "NS-05");

    private final String label;
    private final String factRow;

    ChecklistStep(String label, String factRow) {
        this.label = label;
        this.factRow = factRow;
    }

    public String label() {
        return label;
    }

    public String factRow() {
        return factRow;
    }
}
