package org.synovia.cdshooks;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.synovia.shared.web.BearerCredentialFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * CDS clients are record systems calling server to server, with no session and no CSRF token (no cookies).
 * They authenticate as the CDS Hooks specification says, with {@code Authorization: Bearer} and a JWT they
 * signed (ADR 0064, {@link SignedCdsCalls}); HTTP Basic with an account stays for simple set-ups unless
 * {@code synovia.cds-hooks.basic-enabled=false} (ADR 0023). Discovery is open: it names the services and what
 * they need, no patient data.
 */
@Configuration(proxyBeanMethods = false)
class CdsHooksSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain cdsHooksFilterChain(HttpSecurity http, SignedCdsCalls signedCalls, CdsHooksProperties properties,
            JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> refuse(json, response, properties,
                properties.basicEnabled() ? "Authenticate with a JWT signed by a trusted CDS client (Authorization: Bearer), "
                        + "or with HTTP Basic." : "Authenticate with a JWT signed by a trusted CDS client (Authorization: Bearer).",
                null);
        http.securityMatcher("/cds-services", "/cds-services/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/cds-services").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new SignedCallFilter(signedCalls, properties, json), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (properties.basicEnabled()) {
            http.httpBasic(basic -> basic.realmName("Synovia CDS Hooks").authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    private static void refuse(JsonMapper json, HttpServletResponse response, CdsHooksProperties properties, String message,
            String invalidToken) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Synovia CDS Hooks\""
                + (invalidToken == null ? "" : ", error=\"invalid_token\""));
        if (properties.basicEnabled()) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"Synovia CDS Hooks\"");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(new CdsHooksController.Problem(
                invalidToken == null ? message : message + " " + invalidToken, List.of())));
    }

    /** Authenticates a call that carries a bearer JWT, or refuses it; other calls pass on to HTTP Basic. */
    private static final class SignedCallFilter extends BearerCredentialFilter {

        private final SignedCdsCalls signedCalls;
        private final CdsHooksProperties properties;
        private final JsonMapper json;

        SignedCallFilter(SignedCdsCalls signedCalls, CdsHooksProperties properties, JsonMapper json) {
            this.signedCalls = signedCalls;
            this.properties = properties;
            this.json = json;
        }

        @Override
        protected Optional<Authentication> authenticate(String credential, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
            SignedCdsCalls.Caller caller;
            try {
                caller = signedCalls.verify(credential, serviceUrl(request));
            }
            catch (SignedCdsCalls.Refused refused) {
                refuse(json, response, properties, "The signed JWT was refused:", refused.getMessage());
                return Optional.empty();
            }
            return Optional.of(UsernamePasswordAuthenticationToken.authenticated(caller.client().auditName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_INTEGRATION"))));
        }

        /** The URL the client called, which its JWT's aud must name. */
        private String serviceUrl(HttpServletRequest request) {
            String base = properties.serviceBaseUrl().strip();
            if (base.isEmpty()) {
                return request.getRequestURL().toString();
            }
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                    + request.getRequestURI().substring(request.getContextPath().length());
        }
    }
}
