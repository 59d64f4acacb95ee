package org.synovia.notification;

/** How a message reaches a patient: email, a text message to their mobile, or a letter printed and posted. */
public enum Channel {
    EMAIL("Email"), SMS("Text message"), LETTER("Printed letter");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
