package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.client.RestClient;

/** While the provider cannot be reached, "Sign in with" leads back to the sign-in page with a message, not an error page. */
class SsoProviderUnreachableTests {

    @Test
    void sendsThePersonBackToTheSignInPageWhileTheProviderIsAway() throws IOException, ServletException {
        SsoClientRegistrations registrations = new SsoClientRegistrations(properties("http://127.0.0.1:" + closedPort()),
                RestClient.builder().requestFactory(timeouts()).build());
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new SsoConfiguration.ProviderReachable(registrations).doFilter(
                new MockHttpServletRequest("GET", SsoConfiguration.ProviderReachable.START), response, chain);

        assertThat(response.getRedirectedUrl()).isEqualTo("/login?sso=unavailable");
        assertThat(chain.getRequest()).isNull();
        assertThatIllegalStateException().isThrownBy(() -> registrations.findByRegistrationId(SsoProperties.REGISTRATION_ID))
                .withMessage("The sign-in provider could not be reached.");
    }

    @Test
    void leavesEveryOtherRequestAlone() throws IOException, ServletException {
        SsoClientRegistrations registrations = new SsoClientRegistrations(properties("http://127.0.0.1:" + closedPort()),
                RestClient.builder().requestFactory(timeouts()).build());
        MockFilterChain chain = new MockFilterChain();

        new SsoConfiguration.ProviderReachable(registrations).doFilter(new MockHttpServletRequest("GET", "/login"),
                new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    private static SsoProperties properties(String issuer) {
        return new SsoProperties(true, "Test Trust", issuer, "client", "secret", List.of("openid"), "email",
                SsoProperties.LinkTo.EMAIL, "roles", Map.of("nurses", Set.of(Role.NURSE)),
                SsoProperties.AccountPolicy.REQUIRE_EXISTING, true, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    private static SimpleClientHttpRequestFactory timeouts() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(1));
        factory.setReadTimeout(Duration.ofSeconds(1));
        return factory;
    }

    /** A loopback port nothing listens on: connections are refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
