package org.synovia.account;

import java.time.Instant;
import java.util.Set;

/**
 * A member of staff as others see them: never the password hash.
 *
 * @param grade the clinical grade an administrator recorded, or null when none was (non-clinical staff)
 * @param registration the professional registration an administrator recorded, or null when none was
 */
public record UserAccount(String username, String displayName, String email, String organisation,
        Set<Role> roles, StaffGrade grade, boolean enabled, Instant createdAt, ProfessionalRegistration registration) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public UserAccount(String username, String displayName, String email, String organisation, Set<Role> roles,
            StaffGrade grade, boolean enabled, Instant createdAt) {
        this(username, displayName, email, organisation, roles, grade, enabled, createdAt, null);
    }

    /**
     * The person as a signed document names them: full name, then grade and registration when recorded
     * ("Dr Ngozi Okafor, Consultant, GMC 1234567").
     */
    public String signatory() {
        return displayName + (grade == null ? "" : ", " + grade.label())
                + (registration == null ? "" : ", " + registration.printed());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
