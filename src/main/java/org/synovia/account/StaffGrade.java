package org.synovia.account;

/**
 * A clinician's grade, recorded on their account so that decisions reserved to a grade (overriding a
 * safety STOP, ADR 0035) can be checked. The values are those of the operator grades vetting asks for
 * ({@code org.synovia.scheduling.OperatorGrade}, ADR 0007), kept here because scheduling depends on
 * accounts and not the other way round; the names match, so one maps to the other by name.
 */
public enum StaffGrade {
    CONSULTANT("Consultant"),
    SPECIALTY_REGISTRAR("Specialty registrar"),
    SONOGRAPHER("Sonographer"),
    ADVANCED_PRACTITIONER("Advanced practitioner");

    private final String label;

    StaffGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
