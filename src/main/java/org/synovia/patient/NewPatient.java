package org.synovia.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;
import org.synovia.shared.Sex;

/**
 * The details needed to register a patient. Validates every field against {@code today} and reports
 * all problems at once; the postal address (null when not known) has validated itself when it was made.
 */
public record NewPatient(String nhsNumber, String hospitalNumber, String familyName, String givenName,
        LocalDate dateOfBirth, Sex sex, String mobile, String email, String gpName, String gpPractice,
        PostalAddress address) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '’.-]*");
    private static final Pattern HOSPITAL_NUMBER = Pattern.compile("[A-Za-z0-9]{4,20}");
    private static final Pattern MOBILE = Pattern.compile("(\\+44\\s?7\\d{3}|07\\d{3})\\s?\\d{3}\\s?\\d{3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int OLDEST_AGE_YEARS = 130;

    public NewPatient {
        nhsNumber = trimToNull(nhsNumber);
        hospitalNumber = trimToNull(hospitalNumber);
        familyName = trimToNull(familyName);
        givenName = trimToNull(givenName);
        mobile = trimToNull(mobile);
        email = trimToNull(email);
        gpName = trimToNull(gpName);
        gpPractice = trimToNull(gpPractice);
    }

    /** Throws {@link InvalidInputException} listing every problem. */
    public NewPatient validated(LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (nhsNumber == null && hospitalNumber == null) {
            problems.add(new FieldProblem("nhsNumber", "Enter the NHS number, or a hospital number if the patient has none."));
        }
        if (nhsNumber != null) {
            try {
                new NhsNumber(nhsNumber);
            }
            catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("nhsNumber", e.getMessage()));
            }
        }
        if (hospitalNumber != null && !HOSPITAL_NUMBER.matcher(hospitalNumber).matches()) {
            problems.add(new FieldProblem("hospitalNumber", "A hospital number has 4 to 20 letters or digits."));
        }
        name(problems, "familyName", familyName, "family name");
        name(problems, "givenName", givenName, "given name");
        if (dateOfBirth == null) {
            problems.add(new FieldProblem("dateOfBirth", "Enter the date of birth."));
        }
        else if (dateOfBirth.isAfter(today)) {
            problems.add(new FieldProblem("dateOfBirth", "The date of birth cannot be in the future."));
        }
        else if (dateOfBirth.isBefore(today.minusYears(OLDEST_AGE_YEARS))) {
            problems.add(new FieldProblem("dateOfBirth", "The date of birth is more than " + OLDEST_AGE_YEARS + " years ago."));
        }
        if (sex == null) {
            problems.add(new FieldProblem("sex", "Choose the patient's sex."));
        }
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            problems.add(new FieldProblem("mobile", "Enter a UK mobile number like 07700 900123."));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("email", "Enter an email address like name@example.com."));
        }
        if (gpName != null && gpName.length() > 120) {
            problems.add(new FieldProblem("gpName", "Use at most 120 characters."));
        }
        if (gpPractice != null && gpPractice.length() > 160) {
            problems.add(new FieldProblem("gpPractice", "Use at most 160 characters."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }

    private static void name(List<FieldProblem> problems, String field, String value, String what) {
        if (value == null) {
            problems.add(new FieldProblem(field, "Enter the " + what + "."));
        }
        else if (value.length() > 80) {
            problems.add(new FieldProblem(field, "Use at most 80 characters."));
        }
        else if (!NAME.matcher(value).matches()) {
            problems.add(new FieldProblem(field, "Use letters, spaces, hyphens and apostrophes only."));
        }
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
