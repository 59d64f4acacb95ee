package org.synovia.shared;

/** Sex as recorded on the patient's record (NHS Data Dictionary person stated gender codes). */
public enum Sex {
    FEMALE("Female"),
    MALE("Male"),
    INDETERMINATE("Indeterminate"),
    NOT_KNOWN("Not known");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
