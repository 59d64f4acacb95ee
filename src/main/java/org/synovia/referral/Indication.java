package org.synovia.referral;

public enum Indication implements Labelled {
    OSTEOARTHRITIS("Osteoarthritis"),
    INFLAMMATORY_ARTHRITIS("Inflammatory arthritis"),
    INJURY("Injury"),
    BURSITIS("Bursitis"),
    TENDINOPATHY("Tendinopathy"),
    OTHER("Other");

    private final String label;

    Indication(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
