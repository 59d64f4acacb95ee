package org.synovia.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import org.synovia.shared.Sex;

/** A registered patient; {@code address} is null when no postal address is recorded. */
public record Patient(PatientId id, NhsNumber nhsNumber, String hospitalNumber, String familyName, String givenName,
        LocalDate dateOfBirth, Sex sex, String mobile, String email, String gpName, String gpPractice, PostalAddress address,
        Instant createdAt) {

    /** "SMITH, Jane": family name first, as on NHS wristbands and letters. */
    public String displayName() {
        return familyName.toUpperCase() + ", " + givenName;
    }

    /** "Jane Smith": given name first, as a letter is addressed. */
    public String fullName() {
        return givenName + " " + familyName;
    }

    public int ageOn(LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }
}
