package org.synovia.procedure;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.synovia.patient.Patient;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

/**
 * The identifiers the patient gave at check-in, as typed by the nurse. NatSSIPs sign-in starts with
 * identity (facts NS-03): at least two identifiers must be given (full name, date of birth, NHS number, or
 * the hospital number where the patient has one), and every one given must match the record; one that does
 * not match refuses the check-in, even when two others match.
 *
 * @param fullName given and family name in either order; case, accents and extra spaces do not matter
 * @param nhsNumber ten digits; spaces do not matter
 * @param hospitalNumber the hospital's own number (from the wristband or letter), for a patient who has one;
 *        case and spaces do not matter
 */
public record IdentityCheck(String fullName, LocalDate dateOfBirth, String nhsNumber, String hospitalNumber) {

    static final int IDENTIFIERS_NEEDED = 2;

    public IdentityCheck {
        fullName = fullName == null || fullName.isBlank() ? null : fullName.strip();
        nhsNumber = nhsNumber == null || nhsNumber.isBlank() ? null : nhsNumber.replaceAll("\\s", "");
        hospitalNumber = hospitalNumber == null || hospitalNumber.isBlank() ? null
                : hospitalNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** Name, date of birth and NHS number, without a hospital number. */
    public IdentityCheck(String fullName, LocalDate dateOfBirth, String nhsNumber) {
        this(fullName, dateOfBirth, nhsNumber, null);
    }

    /** The identifiers used, e.g. "full name, date of birth", when they match; otherwise every problem. */
    String confirm(Patient patient) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> used = new ArrayList<>();
        if (fullName != null) {
            if (words(fullName).equals(words(patient.givenName() + " " + patient.familyName()))) {
                used.add("full name");
            }
            else {
                problems.add(new FieldProblem("fullName", "The name given does not match the record. Stop and check who this is."));
            }
        }
        if (dateOfBirth != null) {
            if (dateOfBirth.equals(patient.dateOfBirth())) {
                used.add("date of birth");
            }
            else {
                problems.add(new FieldProblem("dateOfBirth", "The date of birth given does not match the record. Stop and check who this is."));
            }
        }
        if (nhsNumber != null) {
            if (patient.nhsNumber() != null && nhsNumber.equals(patient.nhsNumber().value())) {
                used.add("NHS number");
            }
            else {
                problems.add(new FieldProblem("nhsNumber", "The NHS number given does not match the record. Stop and check who this is."));
            }
        }
        if (hospitalNumber != null) {
            if (patient.hospitalNumber() == null) {
                problems.add(new FieldProblem("hospitalNumber", "This patient has no hospital number on record; use another identifier."));
            }
            else if (hospitalNumber.equals(patient.hospitalNumber().replaceAll("\\s", "").toUpperCase(Locale.ROOT))) {
                used.add("hospital number");
            }
            else {
                problems.add(new FieldProblem("hospitalNumber", "The hospital number given does not match the record. Stop and check who this is."));
            }
        }
        if (problems.isEmpty() && used.size() < IDENTIFIERS_NEEDED) {
            problems.add(new FieldProblem("fullName", "Confirm at least two identifiers: full name, date of birth, NHS number or hospital number."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return String.join(", ", used);
    }

    private static List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^a-z]+")).filter(w -> !w.isEmpty()).sorted().collect(Collectors.toList());
    }
}
