package org.synovia.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.synovia.shared.InvalidInputException;

/**
 * The rules for every password a person may set: the first administrator's, one an administrator gives or resets,
 * and one a person chooses for themselves (ADR 0052). Length is counted in characters at the bottom and in UTF-8
 * bytes at the top, because BCrypt reads only the first 72 bytes and refuses longer input. A password that is all
 * whitespace, one repeated character, the account's own name (digits or symbols added or not), the demo password or a common one (with or without
 * digits and symbols added at its end) is refused.
 */
@Component
class PasswordPolicy {

    static final int MIN_CHARACTERS = 12;
    static final int MAX_UTF8_BYTES = 72;
    static final String DEFAULT_DEMO_PASSWORD = "synovia-demo";

    private static final Set<String> COMMON = load();

    private final boolean demo;
    private final String demoPassword;

    PasswordPolicy(@Value("${synovia.demo.enabled:false}") boolean demo,
            @Value("${synovia.demo.password:" + DEFAULT_DEMO_PASSWORD + "}") String demoPassword) {
        this.demo = demo;
        this.demoPassword = demoPassword;
    }

    /** Throws with a message for the person when the password may not be used for this account. */
    void check(String username, String password) {
        problem(username, password).ifPresent(message -> {
            throw new InvalidInputException("password", message);
        });
    }

    Optional<String> problem(String username, String password) {
        Optional<String> shape = shapeProblem(password);
        if (shape.isPresent()) {
            return shape;
        }
        String folded = fold(password);
        if (username != null && !username.isBlank()
                && (folded.equals(fold(username)) || withoutTrailingDigitsAndSymbols(folded).equals(fold(username)))) {
            return Optional.of("Choose a password other than the account's name.");
        }
        // A demo installation's accounts all share the published demo password; anywhere else it is refused.
        boolean isDemoPassword = folded.equals(fold(DEFAULT_DEMO_PASSWORD)) || folded.equals(fold(demoPassword));
        if (isDemoPassword && !demo) {
            return Optional.of("The demo password is published; choose another.");
        }
        if (!isDemoPassword && isCommon(folded)) {
            return Optional.of("That password is among the most common ones attackers try first; choose another.");
        }
        return Optional.empty();
    }

    /** The checks that need nothing but the password itself, used where the form is first validated. */
    static Optional<String> shapeProblem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of("Use a password of at least " + MIN_CHARACTERS + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return Optional.of("Use a password of at most " + MAX_UTF8_BYTES
                    + " bytes (72 plain letters or digits; accented letters and symbols count two to four).");
        }
        if (password.isBlank()) {
            return Optional.of("A password cannot be only spaces.");
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("A password cannot be one character repeated.");
        }
        return Optional.empty();
    }

    private static boolean isCommon(String folded) {
        if (COMMON.contains(folded)) {
            return true;
        }
        String base = withoutTrailingDigitsAndSymbols(folded);
        return !base.isEmpty() && COMMON.contains(base);
    }

    private static String withoutTrailingDigitsAndSymbols(String folded) {
        return folded.replaceAll("[^\\p{L}]+$", "");
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("account/common-passwords.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(PasswordPolicy::fold)
                    .collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
