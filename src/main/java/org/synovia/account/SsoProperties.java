package org.synovia.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff single sign-on through an OpenID Connect provider: an NHS trust's (NHS CIS2, Entra ID) or a clinic's
 * (ADR 0060). Off unless {@code enabled}.
 *
 * @param enabled offer "Sign in with {@code providerName}" on the sign-in page
 * @param providerName the name staff know the provider by, shown on the button
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} is read at the first sign-in
 * @param clientId the client id the provider issued to this Synovia
 * @param clientSecret the client secret the provider issued
 * @param scopes the scopes asked for; {@code openid} is required
 * @param linkClaim the ID token claim that names the person (for example {@code email} or {@code preferred_username})
 * @param linkTo which account field the claim must equal (lower-cased): {@code EMAIL} or {@code USERNAME}
 * @param rolesClaim the ID token claim that carries the person's roles or groups (a string or a list)
 * @param roleMapping claim value to Synovia roles; values not listed give no role
 * @param accounts {@code REQUIRE_EXISTING}: only people with a Synovia account may sign in (recommended);
 *        {@code CREATE}: an account is created at a first sign-in with mapped roles
 * @param passwordSignIn keep the username and password form beside single sign-on
 * @param connectTimeout connect timeout for every call to the provider
 * @param readTimeout read timeout for every call to the provider
 */
@ConfigurationProperties("synovia.sso")
public record SsoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("your organisation") String providerName,
        String issuerUri, String clientId, String clientSecret, @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("email") String linkClaim, @DefaultValue("EMAIL") LinkTo linkTo, @DefaultValue("roles") String rolesClaim,
        Map<String, Set<Role>> roleMapping, @DefaultValue("REQUIRE_EXISTING") AccountPolicy accounts,
        @DefaultValue("true") boolean passwordSignIn, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    /** The registration id in Spring Security's URLs: {@code /oauth2/authorization/sso}, {@code /login/oauth2/code/sso}. */
    public static final String REGISTRATION_ID = "sso";

    public enum LinkTo { EMAIL, USERNAME }

    public enum AccountPolicy { REQUIRE_EXISTING, CREATE }

    public SsoProperties {
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        scopes = List.copyOf(scopes);
        if (enabled && (blank(issuerUri) || blank(clientId) || blank(clientSecret) || !scopes.contains("openid"))) {
            throw new IllegalArgumentException("synovia.sso: with enabled=true, set issuer-uri, client-id and client-secret, "
                    + "and keep 'openid' among the scopes");
        }
        if (!enabled && !passwordSignIn) {
            throw new IllegalArgumentException("synovia.sso: password-sign-in may be switched off only while single sign-on "
                    + "is enabled; otherwise nobody could sign in");
        }
        if (enabled && roleMapping.isEmpty()) {
            throw new IllegalArgumentException("synovia.sso.role-mapping: map at least one value of the '" + rolesClaim
                    + "' claim to Synovia roles");
        }
    }

    /** Whether the username and password form is offered. */
    public boolean passwordFormShown() {
        return !enabled || passwordSignIn;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
