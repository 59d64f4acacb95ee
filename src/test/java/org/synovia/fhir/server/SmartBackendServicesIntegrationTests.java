package org.synovia.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.fhir.ApiClients;
import org.synovia.fhir.FhirFixtures;
import org.synovia.fhir.IssuedCredentials;
import org.synovia.fhir.SmartScope;
import org.synovia.shared.InvalidInputException;
import org.synovia.testing.TestClock;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMART Backend Services end to end over HTTP: a client registered with a key pair made here signs its assertion,
 * gets a bearer token for the scopes it asked for and was registered for, and reads FHIR with it; every way an
 * assertion or a token can be wrong is refused as RFC 6749 says, and audited.
 */
@SynoviaIntegrationTest
class SmartBackendServicesIntegrationTests {

    private static final String SEARCH = "Patient?name=Nobodyatall";

    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired TransactionTemplate transactions;
    @Autowired JsonMapper json;
    @Autowired ClientCredentialsGrant grant;
    @Autowired AccessTokens tokens;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private IssuedCredentials client;
    private RSAKey key;

    @BeforeEach
    void registerClientWithKeys() throws Exception {
        client = FhirFixtures.client(accounts, clients, "system/Patient.rs system/ServiceRequest.c");
        key = new RSAKeyGenerator(2048).keyID("k-" + UUID.randomUUID()).generate();
        registerKeys(client.client().clientId(), new JWKSet(key.toPublicJWK()).toString(), null);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private void registerKeys(String clientId, String jwks, String url) {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        try {
            clients.registerKeys(clientId, jwks, url);
        }
        finally {
            AccountFixtures.signOut();
        }
    }

    private String tokenUrl() {
        return "http://localhost:" + port + SmartEndpoints.TOKEN_PATH;
    }

    private JWTClaimsSet.Builder claims(String clientId) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(tokenUrl())
                .expirationTime(Date.from(now.plusSeconds(240))).jwtID(UUID.randomUUID().toString());
    }

    private static String signed(JWTClaimsSet claims, JWK signingKey) throws Exception {
        boolean ec = signingKey instanceof ECKey;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(ec ? JWSAlgorithm.ES384 : JWSAlgorithm.RS384)
                .keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(ec ? new ECDSASigner((ECKey) signingKey) : new RSASSASigner((RSAKey) signingKey));
        return jwt.serialize();
    }

    private HttpResponse<String> token(String assertion, String scope) throws Exception {
        return post(Map.of("grant_type", "client_credentials", "client_assertion_type", ClientCredentialsGrant.ASSERTION_TYPE,
                "client_assertion", assertion, "scope", scope));
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(tokenUrl())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> fhir(String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private void assertRefused(HttpResponse<String> response, int status, String error, String description) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(body(response).path("error").asString()).isEqualTo(error);
        assertThat(body(response).path("error_description").asString()).contains(description);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void advertisesTheTokenEndpointInTheSmartConfiguration() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + SmartEndpoints.CONFIGURATION_PATH)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode configuration = body(response);
        assertThat(configuration.path("token_endpoint").asString()).isEqualTo(tokenUrl());
        assertThat(configuration.path("token_endpoint_auth_methods_supported").toString()).isEqualTo("[\"private_key_jwt\"]");
        assertThat(configuration.path("token_endpoint_auth_signing_alg_values_supported").toString())
                .isEqualTo("[\"RS384\",\"ES384\"]");
        assertThat(configuration.path("grant_types_supported").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(configuration.path("scopes_supported").isArray()).isTrue();
    }

    @Test
    void grantsTheRegisteredPartOfTheRequestedScopesAndTheBearerReadsFhir() throws Exception {
        HttpResponse<String> response = token(signed(claims(client.client().clientId()).build(), key),
                "system/Patient.rs system/Appointment.rs");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode answer = body(response);
        assertThat(answer.path("token_type").asString()).isEqualTo("bearer");
        assertThat(answer.path("expires_in").asLong()).isEqualTo(300);
        assertThat(answer.path("scope").asString()).as("Appointment was asked for but never registered")
                .isEqualTo("system/Patient.rs");
        String bearer = answer.path("access_token").asString();
        assertThat(jdbc.sql("select count(*) from api_access_token where token_hash like ? or token_hash = ?")
                .params("%" + bearer + "%", bearer).query(Long.class).single()).as("only the hash is stored").isZero();

        assertThat(fhir(SEARCH, bearer).statusCode()).isEqualTo(200);
        assertThat(fhir("Appointment?patient=" + UUID.randomUUID(), bearer).statusCode()).as("scope not granted")
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and action = 'SIGN_IN' and details like ?")
                .params(client.client().clientId(), "access token issued for system/Patient.rs").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void fetchesAnEs384KeySetFromTheClientsUrlOnceAndAgainWhenTheKeyIsNew() throws Exception {
        ECKey first = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
        ECKey rotated = new ECKeyGenerator(Curve.P_384).keyID("ec-2").generate();
        AtomicInteger fetches = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<JWKSet> published = new java.util.concurrent.atomic.AtomicReference<>(
                new JWKSet(first.toPublicJWK()));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] bytes = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            IssuedCredentials remote = FhirFixtures.client(accounts, clients, "system/*.rs");
            registerKeys(remote.client().clientId(), null,
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");

            HttpResponse<String> response = token(signed(claims(remote.client().clientId()).build(), first), "system/Patient.rs");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(fhir(SEARCH, body(response).path("access_token").asString()).statusCode()).isEqualTo(200);
            assertThat(token(signed(claims(remote.client().clientId()).build(), first), "system/Patient.rs").statusCode())
                    .isEqualTo(200);
            assertThat(fetches).as("the key set is cached").hasValue(1);

            published.set(new JWKSet(rotated.toPublicJWK()));
            assertRefused(token(signed(claims(remote.client().clientId()).build(), rotated), "system/Patient.rs"), 401,
                    "invalid_client", "matches none");
            assertThat(fetches).as("fetched again at most once per minimum interval").hasValue(1);
        }
        finally {
            server.stop(0);
        }
    }

    @Test
    void refusesExpiredFarFutureAndWronglyAddressedAssertions() throws Exception {
        String id = client.client().clientId();
        Instant now = clock.instant();

        assertRefused(token(signed(claims(id).expirationTime(Date.from(now.minusSeconds(1))).build(), key), "system/Patient.rs"),
                401, "invalid_client", "expired");
        assertRefused(token(signed(claims(id).expirationTime(Date.from(now.plusSeconds(600))).build(), key),
                "system/Patient.rs"), 401, "invalid_client", "at most 5 minutes ahead");
        assertRefused(token(signed(claims(id).audience("https://elsewhere.example/token").build(), key), "system/Patient.rs"),
                401, "invalid_client", "aud must be this token endpoint");
        assertRefused(token(signed(claims(id).subject("someone-else").build(), key), "system/Patient.rs"), 401,
                "invalid_client", "iss and sub");
        assertRefused(token(signed(claims(id).jwtID(null).build(), key), "system/Patient.rs"), 401, "invalid_client", "jti");
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and action = 'SIGN_IN_REFUSED'")
                .param(id).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void refusesAReplayedAssertionAWrongKeyAndAnUnknownClient() throws Exception {
        String id = client.client().clientId();
        String assertion = signed(claims(id).build(), key);
        assertThat(token(assertion, "system/Patient.rs").statusCode()).isEqualTo(200);

        assertRefused(token(assertion, "system/Patient.rs"), 401, "invalid_client", "used already");
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        assertRefused(token(signed(claims(id).build(), impostor), "system/Patient.rs"), 401, "invalid_client", "matches none");
        assertRefused(token(signed(claims("fhir-nosuchclient").build(), key), "system/Patient.rs"), 401, "invalid_client",
                "Unknown or disabled client");
        IssuedCredentials secretOnly = FhirFixtures.client(accounts, clients, "system/Patient.rs");
        assertRefused(token(signed(claims(secretOnly.client().clientId()).build(), key), "system/Patient.rs"), 401,
                "invalid_client", "no registered keys");
    }

    @Test
    void refusesScopesNotRegisteredAndMalformedRequests() throws Exception {
        String id = client.client().clientId();

        assertRefused(token(signed(claims(id).build(), key), "system/Appointment.rs"), 400, "invalid_scope", "None of");
        assertRefused(token(signed(claims(id).build(), key), "patient/*.read"), 400, "invalid_scope", "is not a scope");
        assertRefused(post(Map.of("grant_type", "password")), 400, "unsupported_grant_type", "client_credentials");
        assertRefused(post(Map.of("grant_type", "client_credentials", "client_assertion_type", "basic")), 400,
                "invalid_request", "client_assertion_type");
        assertRefused(token("not.a.jwt", "system/Patient.rs"), 401, "invalid_client", "not a signed JWT");
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(id).build());
        hs.sign(new com.nimbusds.jose.crypto.MACSigner(new byte[32]));
        assertRefused(token(hs.serialize(), "system/Patient.rs"), 401, "invalid_client", "RS384 or ES384");
    }

    @Test
    void refusesAnExpiredOrUnknownBearerAndOneWhoseClientIsDisabled() throws Exception {
        AccessTokens sixMinutesAgo = new AccessTokens(jdbc, clients, TestClock.at(clock.instant().minus(Duration.ofMinutes(6))));
        AccessTokens.Issued expired = transactions.execute(tx -> sixMinutesAgo.issue(client.client().clientId(),
                List.of(SmartScope.parse("system/Patient.rs")), Duration.ofMinutes(5)));

        HttpResponse<String> refused = fhir(SEARCH, expired.token());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat(fhir(SEARCH, "made-up-token").statusCode()).isEqualTo(401);

        String bearer = body(token(signed(claims(client.client().clientId()).build(), key), "system/Patient.rs"))
                .path("access_token").asString();
        assertThat(fhir(SEARCH, bearer).statusCode()).isEqualTo(200);
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        clients.setEnabled(client.client().clientId(), false);
        AccountFixtures.signOut();
        assertThat(fhir(SEARCH, bearer).statusCode()).as("revoked with its client").isEqualTo(401);
    }

    @Test
    void refusesAPrivateKeyWeakKeysAndAKeySetUrlOverPlainHttp() throws Exception {
        String id = client.client().clientId();
        assertThatThrownBy(() -> registerKeys(id, new JWKSet(key).toString(false), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("private key");
        RSAKey weak = new RSAKeyGenerator(1024, true).generate();
        assertThatThrownBy(() -> registerKeys(id, new JWKSet(weak.toPublicJWK()).toString(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 2048 bits");
        assertThatThrownBy(() -> registerKeys(id, null, "http://keys.example.org/jwks.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("https://");
        assertThatThrownBy(() -> registerKeys(id, "{\"keys\": 3}", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a JSON Web Key Set");
    }


    @Test
    void issuesAndChecksTokensInAFixedNumberOfStatementsHoweverManyAreStored() throws Exception {
        String id = client.client().clientId();
        String[] issued = new String[1];
        long first = org.synovia.testing.StatementCounter.count(() -> issued[0] = grant.exchange(ClientCredentialsGrant.GRANT_TYPE,
                ClientCredentialsGrant.ASSERTION_TYPE, signed(claims(id).build(), key), "system/Patient.rs", tokenUrl())
                .accessToken());
        long[] times = new long[20];
        for (int i = 0; i < times.length; i++) {
            String assertion = signed(claims(id).build(), key);
            long started = System.nanoTime();
            grant.exchange(ClientCredentialsGrant.GRANT_TYPE, ClientCredentialsGrant.ASSERTION_TYPE, assertion,
                    "system/Patient.rs", tokenUrl());
            times[i] = System.nanoTime() - started;
        }
        long later = org.synovia.testing.StatementCounter.count(() -> grant.exchange(ClientCredentialsGrant.GRANT_TYPE,
                ClientCredentialsGrant.ASSERTION_TYPE, signed(claims(id).build(), key), "system/Patient.rs", tokenUrl()));

        assertThat(later).as("statements per token request with 21 more tokens stored").isEqualTo(first);
        assertThat(org.synovia.testing.StatementCounter.count(() -> tokens.authenticate(issued[0]).orElseThrow()))
                .as("one lookup per bearer call").isEqualTo(1);
        java.util.Arrays.sort(times);
        org.slf4j.LoggerFactory.getLogger(getClass()).info("Token request: {} statements; median {} ms, slowest {} ms of 20",
                first, times[10] / 1_000_000.0, times[19] / 1_000_000.0);
    }
}
