package org.synovia.scheduling;

/**
 * The grade of a person who injects, as vetting asks for it ({@code Protocol.operatorGrade}). A consultant
 * may take any list; other grades take lists asking for their own grade (a local choice, ADR 0007).
 */
public enum OperatorGrade {
    CONSULTANT("Consultant"),
    SPECIALTY_REGISTRAR("Specialty registrar"),
    SONOGRAPHER("Sonographer"),
    ADVANCED_PRACTITIONER("Advanced practitioner");

    private final String label;

    OperatorGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether someone of this grade may do an injection vetted for {@code required} (null: any grade). */
    public boolean satisfies(String required) {
        return required == null || required.isBlank() || this == CONSULTANT || name().equals(required);
    }
}
