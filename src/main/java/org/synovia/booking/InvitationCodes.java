package org.synovia.booking;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The short code a printed booking invitation carries instead of a link: 8 characters of Crockford's base 32 (no
 * I, L, O or U), about 10^12 codes, shown as two groups of four. Read back leniently: case, spaces and hyphens do
 * not matter, and O, I and L are read as 0, 1 and 1, the way people mistype them.
 */
public final class InvitationCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationCodes() {
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** "ABCD-EFGH", as printed. */
    static String printed(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    /** The code as typed, in its stored form; empty when it cannot be a code. */
    public static Optional<String> normalised(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }
}
