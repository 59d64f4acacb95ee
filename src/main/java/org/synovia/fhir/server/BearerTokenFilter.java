package org.synovia.fhir.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.synovia.shared.web.BearerCredentialFilter;

import ca.uhn.fhir.context.FhirContext;

/**
 * Accepts {@code Authorization: Bearer} with an access token from the token endpoint (ADR 0063): the client is
 * given the role INTEGRATION and one authority per granted scope, exactly as HTTP Basic gives, so that
 * {@link ScopeInterceptor} checks both alike. An unknown, expired or revoked token is answered 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750).
 */
final class BearerTokenFilter extends BearerCredentialFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

    private final AccessTokens tokens;
    private final FhirContext fhir;

    BearerTokenFilter(AccessTokens tokens, FhirContext fhir) {
        this.tokens = tokens;
        this.fhir = fhir;
    }

    @Override
    protected Optional<Authentication> authenticate(String credential, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<AccessTokens.Bearer> bearer = tokens.authenticate(credential);
        if (bearer.isEmpty()) {
            log.warn("FHIR call refused with an unknown or expired bearer token: {} {} from {}", request.getMethod(),
                    request.getRequestURI(), request.getRemoteAddr());
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Synovia FHIR\", error=\"invalid_token\", "
                    + "error_description=\"The access token is unknown or has expired; ask the token endpoint for another.\"");
            FhirSecurityConfiguration.writeOutcome(fhir, response, 401, OperationOutcome.IssueType.LOGIN,
                    "The access token is unknown or has expired; ask the token endpoint for another.");
            return Optional.empty();
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_INTEGRATION"));
        bearer.get().scopes().forEach(scope -> authorities.add(
                new SimpleGrantedAuthority(FhirSecurityConfiguration.SCOPE_PREFIX + scope)));
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(bearer.get().clientId(), null, authorities));
    }
}
