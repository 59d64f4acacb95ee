package org.synovia.fhir.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.synovia.fhir.ApiClient;
import org.synovia.fhir.ApiClients;

import ca.uhn.fhir.context.FhirContext;

/**
 * The FHIR API's own filter chain, ahead of the staff chains: HTTP Basic with an API client's id and secret
 * (ADR 0020), or a bearer token from the SMART Backend Services token endpoint (ADR 0063); no session, no CSRF
 * token. The capability statement, the SMART configuration and the token endpoint are public, as clients read or
 * call them before they hold a token.
 * A client is given the role INTEGRATION and one authority per scope; which scope each call needs is checked
 * by {@link ScopeInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
class FhirSecurityConfiguration {

    static final String SCOPE_PREFIX = "SCOPE_";
    private static final Logger log = LoggerFactory.getLogger(FhirSecurityConfiguration.class);

    @Bean
    @Order(0)
    SecurityFilterChain fhirSecurity(HttpSecurity http, ApiClients clients, AccessTokens tokens, FhirContext fhir)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            log.warn("FHIR call refused without valid client credentials: {} {} from {}", request.getMethod(),
                    request.getRequestURI(), request.getRemoteAddr());
            writeOutcome(fhir, response, 401, OperationOutcome.IssueType.LOGIN,
                    "Authenticate with the API client's id and secret (HTTP Basic), or with an access token from "
                            + SmartEndpoints.TOKEN_PATH + " (Authorization: Bearer).");
            response.setHeader("WWW-Authenticate", "Basic realm=\"Synovia FHIR\", charset=\"UTF-8\"");
            response.addHeader("WWW-Authenticate", "Bearer realm=\"Synovia FHIR\"");
        };
        http.securityMatcher("/fhir/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata", SmartEndpoints.CONFIGURATION_PATH).permitAll()
                        .requestMatchers(SmartEndpoints.TOKEN_PATH).permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(new ProviderManager(new ApiClientAuthentication(clients)))
                .httpBasic(basic -> basic.realmName("Synovia FHIR").authenticationEntryPoint(unauthenticated))
                .addFilterBefore(new BearerTokenFilter(tokens, fhir), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The server's own R4 context. Its resources name what they contain (a referral's form, a drug's medication), so
     * the encoder is told not to walk every element of every answer looking for resources to contain: about a tenth of
     * a FHIR read's time in the JVM (issue 16). Its own instance, so that no other user of the JVM's shared R4 context
     * is changed by this.
     */
    @Bean
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return context;
    }

    static void writeOutcome(FhirContext fhir, jakarta.servlet.http.HttpServletResponse response, int status,
            OperationOutcome.IssueType type, String message) throws IOException {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        response.setStatus(status);
        response.setContentType("application/fhir+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(fhir.newJsonParser().encodeResourceToString(outcome));
    }

    /** Checks the client's id and secret; the authentication carries the role INTEGRATION and its scopes. */
    private record ApiClientAuthentication(ApiClients clients) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String clientId = authentication.getName();
            Object secret = authentication.getCredentials();
            ApiClient client = clients.authenticate(clientId, secret == null ? null : secret.toString())
                    .orElseThrow(() -> new BadCredentialsException("Unknown client or wrong secret"));
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority("ROLE_INTEGRATION"));
            client.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(SCOPE_PREFIX + scope)));
            return UsernamePasswordAuthenticationToken.authenticated(client.clientId(), null, authorities);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
