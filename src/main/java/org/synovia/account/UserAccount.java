package org.synovia.account;

import java.time.Instant;
import java.util.Set;

/**
 * A member of staff as others see them: never the password hash.
 *
 * @param grade the clinical grade an administrator recorded, or null when none was (non-clinical staff)
 */
public record UserAccount(String username, String displayName, String email, String organisation,
        Set<Role> roles, StaffGrade grade, boolean enabled, Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
