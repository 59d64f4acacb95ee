package org.synovia.account;

import java.util.regex.Pattern;

/**
 * The UK statutory register a clinician is on, with the shape of its registration numbers, so that a mistyped
 * number is refused when it is entered rather than printed on a signed report.
 */
public enum ProfessionalRegister {
    GMC("General Medical Council", "GMC", Pattern.compile("\\d{7}"), "7 digits, e.g. 1234567"),
    HCPC("Health and Care Professions Council", "HCPC", Pattern.compile("[A-Z]{2}\\d{5,6}"),
            "2 letters and 5 or 6 digits, e.g. RA12345"),
    NMC("Nursing and Midwifery Council", "NMC", Pattern.compile("\\d{2}[A-Z]\\d{4}[A-Z]"), "8 characters, e.g. 12A3456E");

    private final String name;
    private final String abbreviation;
    private final Pattern number;
    private final String numberShape;

    ProfessionalRegister(String name, String abbreviation, Pattern number, String numberShape) {
        this.name = name;
        this.abbreviation = abbreviation;
        this.number = number;
        this.numberShape = numberShape;
    }

    /** "General Medical Council". */
    public String fullName() {
        return name;
    }

    /** "GMC": how a registration is usually written ("GMC 1234567"). */
    public String abbreviation() {
        return abbreviation;
    }

    public String numberShape() {
        return numberShape;
    }

    boolean accepts(String registrationNumber) {
        return number.matcher(registrationNumber).matches();
    }
}
