package org.synovia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;

/**
 * A CDS client's key set, served over HTTP on loopback for the whole test JVM: {@link Initializer} puts its issuer
 * and key set URL on the application's allow-list ({@code synovia.cds-hooks.trusted-clients}). Tests sign with
 * {@link #key()} and may publish other keys to rotate them.
 */
public final class TestCdsClient {

    public static final String ISSUER = "https://ehr.test.example/cds-client";
    public static final String NAME = "Test EHR";

    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static final ECKey KEY = generate("test-ec-1");
    private static final AtomicReference<JWKSet> PUBLISHED = new AtomicReference<>(new JWKSet(KEY.toPublicJWK()));
    private static final HttpServer SERVER = start();

    private TestCdsClient() {
    }

    public static ECKey key() {
        return KEY;
    }

    public static ECKey generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_384).keyID(keyId).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes this key set instead of the current one. */
    public static void publish(JWKSet keys) {
        PUBLISHED.set(keys.toPublicJWKSet());
    }

    /** How many times the application has fetched the key set. */
    public static int fetches() {
        return FETCHES.get();
    }

    public static String jwksUrl() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/jwks.json";
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                FETCHES.incrementAndGet();
                byte[] bytes = PUBLISHED.get().toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trusts this client; a new key id is looked up at once (the interval is tested in RemoteKeySetsTests). */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testCdsClient", Map.of(
                    "synovia.cds-hooks.trusted-clients[0].issuer", ISSUER,
                    "synovia.cds-hooks.trusted-clients[0].jwks-url", jwksUrl(),
                    "synovia.cds-hooks.trusted-clients[0].name", NAME,
                    "synovia.cds-hooks.jwks-min-refresh-interval", "PT0S")));
        }
    }
}
