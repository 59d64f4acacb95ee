package org.synovia.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.client.RestTemplate;

/**
 * Single sign-on through the OpenID Connect provider of {@code synovia.sso.*}, present only when it is enabled
 * (ADR 0060). Every call to the provider (discovery, token, keys) has the configured connect and read timeouts and
 * happens before any database transaction of the sign-in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("synovia.sso.enabled")
class SsoConfiguration {

    @Bean
    SsoSignIn ssoSignIn(SsoProperties properties, UserAccounts accounts, UserAccountRepository repository,
            SecurityAudit audit) {
        SimpleClientHttpRequestFactory timeouts = timeouts(properties);
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(RestClient.builder().requestFactory(timeouts)
                .messageConverters(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return new SsoSignIn(new SsoClientRegistrations(properties, RestClient.builder().requestFactory(timeouts).build()),
                tokens, new SsoAccountLinker(properties, accounts, repository), audit);
    }

    /** Found by type by Spring Security's OpenID Connect sign-in: ID tokens checked against the application's clock. */
    @Bean
    JwtDecoderFactory<ClientRegistration> ssoIdTokenDecoders(SsoProperties properties, Clock clock) {
        RestTemplate keys = new RestTemplate(timeouts(properties));
        Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
        return registration -> decoders.computeIfAbsent(registration.getRegistrationId(), id -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).restOperations(keys).build();
            JwtTimestampValidator timestamps = new JwtTimestampValidator();
            timestamps.setClock(clock);
            OidcIdTokenValidator idToken = new OidcIdTokenValidator(registration);
            idToken.setClock(clock);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, idToken));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        });
    }

    private static SimpleClientHttpRequestFactory timeouts(SsoProperties properties) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.connectTimeout());
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }

    /** What {@link SecurityConfiguration} adds to the staff chain when single sign-on is on. */
    static final class SsoSignIn {

        private final SsoClientRegistrations registrations;
        private final RestClientAuthorizationCodeTokenResponseClient tokens;
        private final SsoAccountLinker linker;
        private final SecurityAudit audit;

        SsoSignIn(SsoClientRegistrations registrations, RestClientAuthorizationCodeTokenResponseClient tokens,
                SsoAccountLinker linker, SecurityAudit audit) {
            this.registrations = registrations;
            this.tokens = tokens;
            this.linker = linker;
            this.audit = audit;
        }

        void configure(HttpSecurity http) throws Exception {
            http.addFilterBefore(new ProviderReachable(registrations), OAuth2AuthorizationRequestRedirectFilter.class);
            http.oauth2Login(login -> login.loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    .authorizedClientRepository(new NoTokensKept())
                    .tokenEndpoint(token -> token.accessTokenResponseClient(tokens))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(linker))
                    .defaultSuccessUrl("/", false)
                    .failureHandler(failureHandler()));
        }

        /** Audits the refusal under the identity the provider gave, and names on the sign-in page what went wrong. */
        private AuthenticationFailureHandler failureHandler() {
            return (request, response, exception) -> {
                String code = exception instanceof SsoRefusal refusal ? refusal.code() : "failed";
                String attemptedAs = exception instanceof SsoRefusal refusal ? refusal.attemptedAs() : null;
                String why = exception instanceof OAuth2AuthenticationException oauth
                        ? oauth.getError().getErrorCode() + (exception instanceof SsoRefusal ? ": " + exception.getMessage() : "")
                        : exception.getClass().getSimpleName();
                audit.singleSignOnRefused(attemptedAs, why);
                response.sendRedirect(request.getContextPath() + "/login?sso=" + code);
            };
        }
    }

    /**
     * Sends "Sign in with …" back to the sign-in page with a message while the provider's discovery document cannot be
     * read, instead of the error page Spring Security would answer with.
     */
    static final class ProviderReachable extends OncePerRequestFilter {

        static final String START = "/oauth2/authorization/" + SsoProperties.REGISTRATION_ID;

        private final SsoClientRegistrations registrations;

        ProviderReachable(SsoClientRegistrations registrations) {
            this.registrations = registrations;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !START.equals(request.getRequestURI().substring(request.getContextPath().length()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                registrations.findByRegistrationId(SsoProperties.REGISTRATION_ID);
            }
            catch (IllegalStateException unreachable) {
                response.sendRedirect(request.getContextPath() + "/login?sso=unavailable");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Synovia calls no API of the provider after sign-in, so its tokens are not kept; the default store would keep
     * every person's tokens in memory for ever.
     */
    private static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
        }
    }
}
