package org.synovia.shared;

/**
 * How the needle is guided. Fluoroscopy and CT use ionising radiation (IR(ME)R pregnancy enquiry,
 * facts PG-01, PG-07); landmark (palpation) guidance is a recognised alternative, not a fallback.
 */
public enum Guidance {
    ULTRASOUND("Ultrasound", false),
    FLUOROSCOPY("X-ray (fluoroscopy)", true),
    CT("CT", true),
    LANDMARK("Landmark (palpation)", false);

    private final String label;
    private final boolean ionising;

    Guidance(String label, boolean ionising) {
        this.label = label;
        this.ionising = ionising;
    }

    public String label() {
        return label;
    }

    public boolean ionising() {
        return ionising;
    }
}
