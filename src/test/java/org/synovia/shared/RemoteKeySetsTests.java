package org.synovia.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.synovia.testing.TestClock;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;

/** Key sets fetched from a server on loopback: cached, fetched again for a new key id at most once per interval. */
class RemoteKeySetsTests {

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> published = new AtomicReference<>();
    private final TestClock clock = TestClock.at(Instant.parse("2027-01-12T07:30:00Z"));
    private HttpServer server;
    private URI url;
    private RemoteKeySets keySets;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] bytes = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
        keySets = new RemoteKeySets(new RemoteKeySets.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024,
                Duration.ofMinutes(10), Duration.ofSeconds(30)), clock);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static JWKSelector kid(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }

    @Test
    void cachesTheSetAndFetchesItAgainForANewKeyIdOncePerInterval() throws Exception {
        ECKey first = new ECKeyGenerator(Curve.P_384).keyID("one").generate();
        ECKey second = new ECKeyGenerator(Curve.P_384).keyID("two").generate();
        published.set(new JWKSet(first).toString(false));

        assertThat(keySets.keys(url, kid("one"))).singleElement().satisfies(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(keySets.keys(url, kid("one"))).hasSize(1);
        assertThat(fetches).as("cached").hasValue(1);

        published.set(new JWKSet(second.toPublicJWK()).toString());
        clock.advance(Duration.ofSeconds(29));
        assertThat(keySets.keys(url, kid("two"))).as("within the interval, no fetch").isEmpty();
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(keySets.keys(url, kid("two"))).as("rotated key found after one more fetch").hasSize(1);
        assertThat(fetches).hasValue(2);

        clock.advance(Duration.ofMinutes(10));
        assertThat(keySets.keys(url, kid("two"))).hasSize(1);
        assertThat(fetches).as("fetched again when stale").hasValue(3);
    }

    @Test
    void reportsADocumentThatIsNoKeySetOrTooBig() {
        published.set("<html>not keys</html>");
        assertThatThrownBy(() -> keySets.keys(url, kid("one"))).isInstanceOf(IOException.class)
                .hasMessageContaining("not a JSON Web Key Set");
        published.set("{\"keys\": [], \"padding\": \"" + "x".repeat(70 * 1024) + "\"}");
        assertThatThrownBy(() -> keySets.keys(url, kid("one"))).isInstanceOf(IOException.class);
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswerWithinTheReadTimeout() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            RemoteKeySets quick = new RemoteKeySets(new RemoteKeySets.Settings(Duration.ofMillis(500), Duration.ofMillis(500),
                    1024, Duration.ofMinutes(10), Duration.ofSeconds(30)), clock);
            long started = System.nanoTime();
            assertThatThrownBy(() -> quick.keys(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/jwks.json"),
                    kid("one"))).isInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
