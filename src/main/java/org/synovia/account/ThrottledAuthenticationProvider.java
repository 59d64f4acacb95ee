package org.synovia.account;

import java.util.function.Predicate;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the password only when neither the username nor the client address is locked, and counts every refusal.
 * A locked attempt is refused before any account is looked up, so it takes the same path and time whether or not the
 * account exists; the refusal is published as a {@link LockedException} and audited like any other.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final String LOCKED_MESSAGE = "Too many refused sign-ins; try again later.";

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final Predicate<Authentication> codeOwed;

    /** @param codeOwed true when a second-factor code must follow this right password (ADR 0061) */
    ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle, Predicate<Authentication> codeOwed) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.codeOwed = codeOwed;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (throttle.refuses(username, address)) {
            throw new LockedException(LOCKED_MESSAGE);
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            // While a code is owed the count stays: giving the password again must not buy more guesses at the code.
            if (result != null && !codeOwed.test(result)) {
                throttle.succeeded(username);
            }
            return result;
        }
        catch (AuthenticationException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
