package org.synovia.waitinglist;

/** The priority the vetting radiologist sets. */
public enum Priority {
    URGENT("Urgent"),
    SOON("Soon"),
    ROUTINE("Routine");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
