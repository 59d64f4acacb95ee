package org.synovia.referral;

public enum DiabetesType implements Labelled {
    NONE("No diabetes"),
    TYPE_1("Type 1"),
    TYPE_2("Type 2"),
    OTHER("Other type");

    private final String label;

    DiabetesType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
