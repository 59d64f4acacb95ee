package org.synovia.account;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The provider vouched for the person, but Synovia does not let them in. The code picks the sign-in page's
 * message; the attempted identity goes to the audit trail only.
 */
class SsoRefusal extends OAuth2AuthenticationException {

    static final String NO_ACCOUNT = "no_account";
    static final String NO_ROLE = "no_role";
    static final String DISABLED = "disabled";

    private final String attemptedAs;

    SsoRefusal(String code, String attemptedAs, String why) {
        super(new OAuth2Error(code, why, null), why);
        this.attemptedAs = attemptedAs;
    }

    String attemptedAs() {
        return attemptedAs;
    }

    String code() {
        return getError().getErrorCode();
    }
}
