package org.synovia.account;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * Turns a person the provider vouched for into a Synovia member of staff: finds their account by the configured
 * claim, refuses a disabled account or one with no mapped role, and takes the roles from the provider's claim at
 * every sign-in, so a role withdrawn at the provider is gone at the next sign-in (ADR 0060). Everything it needs is
 * in the signed ID token; the user-info endpoint is not called.
 */
class SsoAccountLinker implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String CREATED_BY = "single sign-on";

    private final SsoProperties properties;
    private final UserAccounts accounts;
    private final UserAccountRepository repository;

    SsoAccountLinker(SsoProperties properties, UserAccounts accounts, UserAccountRepository repository) {
        this.properties = properties;
        this.accounts = accounts;
        this.repository = repository;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcIdToken idToken = request.getIdToken();
        String link = idToken.getClaimAsString(properties.linkClaim());
        String attemptedAs = link == null ? "(" + properties.linkClaim() + " missing) sub " + idToken.getSubject()
                : link.trim().toLowerCase(Locale.ROOT);
        Set<Role> roles = mappedRoles(idToken.getClaim(properties.rolesClaim()));
        UserAccount account = link == null ? null : find(attemptedAs).orElse(null);
        if (account == null && link != null && properties.accounts() == SsoProperties.AccountPolicy.CREATE && !roles.isEmpty()) {
            account = accounts.createForSingleSignOn(attemptedAs, properties.linkTo() == SsoProperties.LinkTo.EMAIL,
                    idToken.getFullName(), idToken.getEmail(), roles, properties.providerName());
        }
        if (account == null) {
            throw new SsoRefusal(SsoRefusal.NO_ACCOUNT, attemptedAs, "no Synovia account is linked to "
                    + properties.linkClaim() + " '" + attemptedAs + "'");
        }
        if (!account.enabled()) {
            throw new SsoRefusal(SsoRefusal.DISABLED, account.username(), "account disabled");
        }
        if (roles.isEmpty()) {
            throw new SsoRefusal(SsoRefusal.NO_ROLE, account.username(), "no value of claim '" + properties.rolesClaim()
                    + "' maps to a Synovia role");
        }
        if (!roles.equals(account.roles())) {
            accounts.setRolesFromProvider(account.username(), roles, properties.providerName());
        }
        return new StaffMember(account.username(), roles, idToken);
    }

    private Optional<UserAccount> find(String link) {
        if (properties.linkTo() == SsoProperties.LinkTo.USERNAME) {
            return repository.find(link);
        }
        // Two accounts sharing an address cannot be told apart: neither is chosen.
        List<UserAccount> withEmail = repository.findByEmail(link);
        return withEmail.size() == 1 ? Optional.of(withEmail.getFirst()) : Optional.empty();
    }

    /** The claim may be one string or a list (Entra ID and most providers send a list). */
    Set<Role> mappedRoles(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            roles.addAll(properties.roleMapping().getOrDefault(String.valueOf(value), Set.of()));
        }
        return roles;
    }

    /** Signed in by the provider, known to the rest of Synovia by the account's username. */
    static final class StaffMember extends DefaultOidcUser {

        private final String username;

        StaffMember(String username, Set<Role> roles, OidcIdToken idToken) {
            super(roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(), idToken,
                    IdTokenClaimNames.SUB);
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StaffMember member && member.username.equals(username) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return username.hashCode();
        }
    }
}
