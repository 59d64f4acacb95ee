package org.synovia.referral;

/** Why the injection is asked for: to find the pain generator, to relieve it, or both. */
public enum Intent implements Labelled {
    DIAGNOSTIC("Diagnostic"),
    THERAPEUTIC("Therapeutic"),
    BOTH("Diagnostic and therapeutic");

    private final String label;

    Intent(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
