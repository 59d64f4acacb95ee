package org.synovia.safety;

/** Procedure bleeding-risk category as the guidelines name them (facts PR-01..06). */
public enum ProcedureRisk {
    LOW, INTERMEDIATE, HIGH;

    public ProcedureRisk oneHigher() {
        return this == LOW ? INTERMEDIATE : HIGH;
    }

    public boolean elevated() {
        return this != LOW;
    }

    public String label() {
        return name().toLowerCase();
    }
}
