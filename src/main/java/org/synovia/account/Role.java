package org.synovia.account;

/** What a member of staff may do. A person may hold several roles. */
public enum Role {
    REFERRER("Referrer", "Refers patients and follows their referrals"),
    RADIOLOGIST("Radiologist", "Vets referrals and performs injections"),
    NURSE("Nurse", "Prepares patients and assists on the day"),
    BOOKING("Booking clerk", "Manages the waiting list and appointments"),
    ADMIN("Administrator", "Manages staff accounts and reads the audit trail");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
