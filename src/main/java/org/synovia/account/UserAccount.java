package org.synovia.account;

import java.time.Instant;
import java.util.Set;

/** A member of staff as others see them: never the password hash. */
public record UserAccount(String username, String displayName, String email, String organisation,
        Set<Role> roles, boolean enabled, Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
