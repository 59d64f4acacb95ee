package org.synovia.shared;

/** Which side of the body a procedure is on. Spinal midline and unpaired sites have none. */
public enum Laterality {
    LEFT("Left"),
    RIGHT("Right"),
    BILATERAL("Both sides"),
    NOT_APPLICABLE("Not applicable");

    private final String label;

    Laterality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
