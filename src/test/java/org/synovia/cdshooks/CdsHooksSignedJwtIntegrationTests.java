package org.synovia.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.testing.TestCdsClient;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.json.JsonMapper;

/**
 * CDS Hooks calls signed as the specification's "Trusting CDS Clients" asks, by a client whose key set is served
 * on loopback ({@link TestCdsClient}) with keys made for the test run: accepted when every claim is right, refused
 * with 401 and audited when any is wrong, and a rotated key is found by fetching the key set again.
 */
@SynoviaIntegrationTest
class CdsHooksSignedJwtIntegrationTests {

    private static final String SERVICE_URL = "http://localhost/cds-services/" + CdsHooksController.ORDER_SIGN;

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    private static String example() throws Exception {
        try (var in = CdsHooksSignedJwtIntegrationTests.class.getResourceAsStream("/cdshooks/apixaban-knee-order-sign.request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(TestCdsClient.ISSUER).audience(SERVICE_URL).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(240))).jwtID(UUID.randomUUID().toString())
                .claim("tenant", "north-trust");
    }

    private static String signed(JWTClaimsSet claims, ECKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private MockHttpServletResponse call(String token) throws Exception {
        return mvc.perform(post("/cds-services/{id}", CdsHooksController.ORDER_SIGN).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(example())).andReturn().getResponse();
    }

    private void assertRefused(MockHttpServletResponse response, String reason) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
        assertThat(json.readTree(body).path("error").asString()).contains(reason);
        assertThat(body).doesNotContain("Exception");
    }

    @Test
    void answersACallSignedByATrustedClientAndAuditsItUnderTheClientsName() throws Exception {
        String jti = UUID.randomUUID().toString();
        MockHttpServletResponse response = call(signed(claims().jwtID(jti).build(), TestCdsClient.key()));

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("cards").size()).isPositive();
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and record_type = 'CdsHooksCall'")
                .param("cds:" + TestCdsClient.NAME).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from cds_hooks_jwt_id where jti = ?").param(jti).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void refusesAReplayedTokenAnUntrustedIssuerAndAnotherServicesAudience() throws Exception {
        String token = signed(claims().build(), TestCdsClient.key());
        assertThat(call(token).getStatus()).isEqualTo(200);

        assertRefused(call(token), "used already");
        assertRefused(call(signed(claims().issuer("https://stranger.example").build(), TestCdsClient.key())),
                "not a trusted CDS client");
        assertRefused(call(signed(claims().audience("http://localhost/cds-services/" + CdsHooksController.ORDER_SELECT).build(),
                TestCdsClient.key())), "aud must be the service called");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGN_IN_REFUSED' and record_type = 'CdsHooksCall'"
                + " and username = ? and details like ?").params("cds:" + TestCdsClient.ISSUER, "%used already%")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesExpiredFarFutureAndUndatedTokens() throws Exception {
        Instant now = clock.instant();
        assertRefused(call(signed(claims().expirationTime(Date.from(now.minusSeconds(1))).build(), TestCdsClient.key())),
                "expired");
        assertRefused(call(signed(claims().expirationTime(Date.from(now.plusSeconds(600))).build(), TestCdsClient.key())),
                "at most 5 minutes ahead");
        assertRefused(call(signed(claims().issueTime(Date.from(now.plusSeconds(600))).build(), TestCdsClient.key())),
                "iat");
        assertRefused(call(signed(claims().issueTime(null).build(), TestCdsClient.key())), "iat");
        assertRefused(call(signed(claims().jwtID(null).build(), TestCdsClient.key())), "jti");
    }

    @Test
    void refusesAnotherKeyAnUnsignedOrSymmetricTokenAndGarbage() throws Exception {
        ECKey impostor = TestCdsClient.generate(TestCdsClient.key().getKeyID());
        assertRefused(call(signed(claims().build(), impostor)), "matches none");
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestCdsClient.key().getKeyID()).build(),
                claims().build());
        hs.sign(new MACSigner(new byte[32]));
        assertRefused(call(hs.serialize()), "ES384 or RS384");
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims().build()).serialize();
        assertRefused(call(unsigned), "not a signed JWT");
        assertRefused(call("x".repeat(20_000)), "at most");
        assertRefused(call("garbage"), "not a signed JWT");
    }

    @Test
    void findsARotatedKeyByFetchingTheKeySetAgain() throws Exception {
        ECKey rotated = TestCdsClient.generate("test-ec-rotated-" + UUID.randomUUID());
        assertThat(call(signed(claims().build(), TestCdsClient.key())).getStatus()).isEqualTo(200);
        int before = TestCdsClient.fetches();
        TestCdsClient.publish(new JWKSet(java.util.List.of(TestCdsClient.key(), rotated)));
        try {
            assertThat(call(signed(claims().build(), rotated)).getStatus()).isEqualTo(200);
            assertThat(TestCdsClient.fetches()).as("fetched once more for the unknown kid").isEqualTo(before + 1);
            assertThat(call(signed(claims().build(), rotated)).getStatus()).isEqualTo(200);
            assertThat(TestCdsClient.fetches()).as("then cached").isEqualTo(before + 1);
        }
        finally {
            TestCdsClient.publish(new JWKSet(TestCdsClient.key()));
        }
    }
}
