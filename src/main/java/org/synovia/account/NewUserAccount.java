package org.synovia.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

/**
 * What an administrator enters to create an account. Validates itself.
 *
 * @param grade the clinical grade, or null for staff without one
 */
public record NewUserAccount(String username, String displayName, String email, String organisation,
        Set<Role> roles, StaffGrade grade, String password) {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public NewUserAccount {
        username = username == null ? "" : username.trim().toLowerCase();
        displayName = displayName == null ? "" : displayName.trim();
        email = blankToNull(email);
        organisation = blankToNull(organisation);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        List<FieldProblem> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username",
                    "Use 3 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter."));
        }
        if (displayName.isEmpty() || displayName.length() > 120) {
            problems.add(new FieldProblem("displayName", "Enter the person's name (up to 120 characters)."));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("email", "Enter an email address like name@example.nhs.uk."));
        }
        if (organisation != null && organisation.length() > 160) {
            problems.add(new FieldProblem("organisation", "Use at most 160 characters."));
        }
        if (roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "Choose at least one role."));
        }
        PasswordPolicy.shapeProblem(password).ifPresent(message -> problems.add(new FieldProblem("password", message)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** An account without a clinical grade (administrators, interfaces, clerks). */
    public NewUserAccount(String username, String displayName, String email, String organisation, Set<Role> roles,
            String password) {
        this(username, displayName, email, organisation, roles, null, password);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
