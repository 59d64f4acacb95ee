package org.synovia.patient;

import java.time.LocalDate;

/**
 * One search box for an NHS number, a hospital number or a name, optionally narrowed by date of
 * birth. A well-formed NHS number is matched exactly; anything else is a name or hospital number.
 */
public record PatientSearch(String text, LocalDate dateOfBirth) {

    public PatientSearch {
        text = text == null ? "" : text.strip();
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
    }

    public boolean isEmpty() {
        return text.isEmpty() && dateOfBirth == null;
    }

    boolean isNhsNumber() {
        return NhsNumber.isValid(text);
    }
}
