package org.synovia.account;

import java.util.Map;

/**
 * Full names of staff by username, for showing who did something: records keep the username (stable, unique), people
 * read the name. A username with no account (the system, an integration) is shown as it is.
 */
public record StaffNames(Map<String, String> byUsername) {

    public StaffNames {
        byUsername = Map.copyOf(byUsername);
    }

    /** "Dr Ngozi Okafor" for "dr.okafor"; the username itself when no account has it; "" for null. */
    public String of(String username) {
        if (username == null) {
            return "";
        }
        return byUsername.getOrDefault(username, username);
    }
}
