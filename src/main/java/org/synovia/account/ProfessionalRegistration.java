package org.synovia.account;

import java.util.Locale;

import org.synovia.shared.InvalidInputException;

/** A clinician's entry on a statutory register: "GMC 1234567". The number is checked against the register's shape. */
public record ProfessionalRegistration(ProfessionalRegister register, String number) {

    public ProfessionalRegistration {
        if (register == null) {
            throw new InvalidInputException("register", "Choose the register the number is on.");
        }
        number = number == null ? "" : number.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        if (number.isEmpty()) {
            throw new InvalidInputException("registrationNumber", "Enter the " + register.abbreviation() + " number.");
        }
        if (!register.accepts(number)) {
            throw new InvalidInputException("registrationNumber", "A " + register.abbreviation() + " number is "
                    + register.numberShape() + ".");
        }
    }

    /** As printed under a signature: "GMC 1234567". */
    public String printed() {
        return register.abbreviation() + " " + number;
    }
}
