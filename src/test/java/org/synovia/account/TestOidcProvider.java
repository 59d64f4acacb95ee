package org.synovia.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server in an application of its
 * own on a free loopback port, reached as {@code localhost} (Synovia is reached as {@code 127.0.0.1}, so the two keep
 * apart cookies). It knows one confidential client, {@code synovia}, whose redirect URI is on loopback and so may
 * use any port (OAuth 2.1, section 8.4.2). People are added by the test with the claims their ID token carries.
 */
final class TestOidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "synovia";
    static final String CLIENT_SECRET = "provider-test-secret";
    static final String PASSWORD = "provider password";

    private final ConfigurableApplicationContext context;
    private final Provider provider;

    private TestOidcProvider(ConfigurableApplicationContext context) {
        this.context = context;
        this.provider = context.getBean(Provider.class);
    }

    static TestOidcProvider start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .properties(Map.of(
                        "spring.config.name", "test-oidc-provider-has-no-file",
                        "spring.main.banner-mode", "off",
                        "spring.jmx.enabled", "false",
                        "server.port", "0",
                        "server.address", "127.0.0.1",
                        "server.servlet.session.cookie.name", "PROVIDER_SESSION",
                        "logging.level.root", "WARN",
                        "spring.security.oauth2.authorizationserver.client.synovia.registration.client-id", CLIENT_ID,
                        "spring.security.oauth2.authorizationserver.client.synovia.registration.client-secret",
                        "{noop}" + CLIENT_SECRET))
                .properties(Map.of(
                        "spring.security.oauth2.authorizationserver.client.synovia.registration.client-authentication-methods",
                        "client_secret_basic",
                        "spring.security.oauth2.authorizationserver.client.synovia.registration.authorization-grant-types",
                        "authorization_code",
                        "spring.security.oauth2.authorizationserver.client.synovia.registration.redirect-uris",
                        "http://127.0.0.1/login/oauth2/code/sso",
                        "spring.security.oauth2.authorizationserver.client.synovia.registration.scopes", "openid,profile,email",
                        "spring.security.oauth2.authorizationserver.client.synovia.require-authorization-consent", "false"))
                .run();
        return new TestOidcProvider(context);
    }

    String issuer() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A person who can sign in at the provider, and the claims (email, roles, ...) of their ID token. */
    void person(String login, Map<String, Object> claims) {
        provider.claims.put(login, claims);
        if (!provider.users.userExists(login)) {
            provider.users.createUser(User.withUsername(login).password("{noop}" + PASSWORD).roles("USER").build());
        }
    }

    /** The provider dates its ID tokens by the application's clock, as a provider's clock agrees with ours. */
    void useClock(Clock clock) {
        provider.clock = clock;
    }

    @Override
    public void close() {
        context.close();
    }

    @TestConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, SecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
            OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class})
    static class Provider {

        final Map<String, Map<String, Object>> claims = new ConcurrentHashMap<>();
        final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        volatile Clock clock = Clock.systemUTC();

        @Bean
        InMemoryUserDetailsManager providerUsers() {
            return users;
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                Instant now = clock.instant();
                context.getClaims().issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)));
                claims.getOrDefault(context.getPrincipal().getName(), Map.of())
                        .forEach((name, value) -> context.getClaims().claim(name, value));
            };
        }
    }
}
