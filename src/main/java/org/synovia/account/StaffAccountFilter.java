package org.synovia.account;

import java.util.Locale;

/**
 * What the "Staff accounts" page is narrowed to (ADR 0125): words found in a name, username, email or organisation,
 * one role, and whether the account is active. Null or blank means any.
 *
 * @param text   matched anywhere in the full name, username, email or organisation, ignoring case
 * @param role   accounts holding this role, or null for any
 * @param active true for active accounts only, false for disabled ones only, null for both
 */
public record StaffAccountFilter(String text, Role role, Boolean active) {

    /** Longer than any name, username, email or organisation the accounts hold, so never a real search. */
    static final int MAX_TEXT = 254;

    public StaffAccountFilter {
        text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
    }

    public static StaffAccountFilter any() {
        return new StaffAccountFilter(null, null, null);
    }
}
