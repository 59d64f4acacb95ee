package org.synovia.booking;

/** Where an appointment stands; only BOOKED holds its room and operator. */
public enum AppointmentStatus {
    BOOKED("Booked"),
    CANCELLED("Cancelled"),
    RESCHEDULED("Moved to another slot"),
    DID_NOT_ATTEND("Did not attend");

    private final String label;

    AppointmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
