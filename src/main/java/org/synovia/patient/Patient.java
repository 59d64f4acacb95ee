package org.synovia.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import org.synovia.shared.Sex;

/** A registered patient. */
public record Patient(PatientId id, NhsNumber nhsNumber, String hospitalNumber, String familyName, String givenName,
        LocalDate dateOfBirth, Sex sex, String mobile, String email, String gpName, String gpPractice, Instant createdAt) {

    /** "SMITH, Jane": family name first, as on NHS wristbands and letters. */
    public String displayName() {
        return familyName.toUpperCase() + ", " + givenName;
    }

    public int ageOn(LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }
}
