package org.synovia.shared;

/** How often a regular medicine is taken. */
public enum DoseFrequency {
    ONCE_DAILY("Once a day (od)", 1),
    TWICE_DAILY("Twice a day (bd)", 2),
    THREE_TIMES_DAILY("Three times a day (tds)", 3),
    OTHER("Other", 0);

    private final String label;
    private final int dosesPerDay;

    DoseFrequency(String label, int dosesPerDay) {
        this.label = label;
        this.dosesPerDay = dosesPerDay;
    }

    public String label() {
        return label;
    }

    /** Doses per day, or 0 when the pattern is not a fixed daily one. */
    public int dosesPerDay() {
        return dosesPerDay;
    }
}
