package org.synovia.fhir.server;

import java.io.IOException;
import java.net.URI;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.fhir.ApiClient;
import org.synovia.fhir.ApiClients;
import org.synovia.fhir.SmartScope;
import org.synovia.shared.RemoteKeySets;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The client credentials grant of SMART Backend Services (hl7.org/fhir/smart-app-launch/backend-services.html,
 * ADR 0063): a registered client proves itself with a JWT it signed (RS384 or ES384) whose {@code iss} and
 * {@code sub} are its client id, {@code aud} this token endpoint, {@code exp} at most five minutes ahead and
 * {@code jti} never used before; it is given an access token for the requested scopes it was registered for.
 * Every grant and refusal is audited. The client's key set is fetched, when it lives at a URL, before any
 * transaction opens; the assertion's id, the token and the audit row are written in one transaction.
 */
@Component
class ClientCredentialsGrant {

    static final String GRANT_TYPE = "client_credentials";
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);
    static final int MAX_ASSERTION_LENGTH = 16_000;
    static final int MAX_JTI_LENGTH = 255;
    static final int MAX_SCOPE_LENGTH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsGrant.class);

    /** The answer of RFC 6749 section 5.1. */
    record Granted(String accessToken, long expiresIn, String scope) {
    }

    /** A refusal as RFC 6749 section 5.2 words it: {@code invalid_client} is 401, the others 400. */
    static final class Refused extends Exception {

        private final String error;

        Refused(String error, String description) {
            super(description, null, false, false);
            this.error = error;
        }

        String error() {
            return error;
        }

        int status() {
            return "invalid_client".equals(error) ? 401 : 400;
        }
    }

    private final ApiClients clients;
    private final AccessTokens tokens;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final SmartProperties properties;
    private final RemoteKeySets remoteKeys;
    private final Clock clock;

    ClientCredentialsGrant(ApiClients clients, AccessTokens tokens, JdbcClient jdbc, AuditTrail audit,
            TransactionTemplate transactions, SmartProperties properties, Clock clock) {
        this.clients = clients;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.remoteKeys = new RemoteKeySets(properties.keySets(), clock);
        this.clock = clock;
    }

    /** Checks the request; returns the token or throws the refusal, audited either way. */
    Granted exchange(String grantType, String assertionType, String assertion, String scope, String tokenUrl)
            throws Refused {
        String claimed = null;
        try {
            if (!GRANT_TYPE.equals(grantType)) {
                throw new Refused("unsupported_grant_type", "grant_type must be client_credentials.");
            }
            if (!ASSERTION_TYPE.equals(assertionType)) {
                throw new Refused("invalid_request", "client_assertion_type must be " + ASSERTION_TYPE + ".");
            }
            if (assertion == null || assertion.isEmpty() || assertion.length() > MAX_ASSERTION_LENGTH) {
                throw new Refused("invalid_request", "client_assertion must be a signed JWT of at most "
                        + MAX_ASSERTION_LENGTH + " characters.");
            }
            if (scope == null || scope.isBlank() || scope.length() > MAX_SCOPE_LENGTH) {
                throw new Refused("invalid_scope", "scope must name the system scopes wanted, such as system/Patient.rs.");
            }
            SignedJWT jwt = parse(assertion);
            JWTClaimsSet claims = claims(jwt);
            claimed = claims.getIssuer();
            ApiClient client = client(claims);
            verifySignature(jwt, client);
            checkClaims(claims, tokenUrl);
            List<SmartScope> granted = granted(scope, client.scopes());
            return store(client, claims, granted);
        }
        catch (Refused refused) {
            log.warn("FHIR token request refused ({}): {}", refused.error(), refused.getMessage());
            String who = claimed == null || claimed.length() > 64 ? "(unknown client)" : claimed;
            transactions.executeWithoutResult(tx -> audit.recordAttempt(who, AuditAction.SIGN_IN_REFUSED, "ApiClient",
                    "token request refused: " + refused.error() + ": " + refused.getMessage()));
            throw refused;
        }
    }

    private static SignedJWT parse(String assertion) throws Refused {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(assertion);
        }
        catch (ParseException e) {
            throw new Refused("invalid_client", "client_assertion is not a signed JWT.");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw new Refused("invalid_client", "client_assertion must be signed with RS384 or ES384.");
        }
        return jwt;
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws Refused {
        try {
            return jwt.getJWTClaimsSet();
        }
        catch (ParseException e) {
            throw new Refused("invalid_client", "client_assertion's claims are not a JSON object.");
        }
    }

    private ApiClient client(JWTClaimsSet claims) throws Refused {
        String issuer = claims.getIssuer();
        if (issuer == null || !issuer.equals(claims.getSubject())) {
            throw new Refused("invalid_client", "iss and sub must both be the client id.");
        }
        ApiClient client = clients.enabled(issuer)
                .orElseThrow(() -> new Refused("invalid_client", "Unknown or disabled client."));
        if (!client.hasKeys()) {
            throw new Refused("invalid_client", "This client has no registered keys; register its JWKS first.");
        }
        return client;
    }

    private void verifySignature(SignedJWT jwt, ApiClient client) throws Refused {
        JWSHeader header = jwt.getHeader();
        JWKMatcher.Builder matcher = new JWKMatcher.Builder().keyID(header.getKeyID()).publicOnly(true)
                .keyUses(com.nimbusds.jose.jwk.KeyUse.SIGNATURE, null);
        if (JWSAlgorithm.ES384.equals(header.getAlgorithm())) {
            matcher.keyType(com.nimbusds.jose.jwk.KeyType.EC).curve(com.nimbusds.jose.jwk.Curve.P_384);
        } else {
            matcher.keyType(com.nimbusds.jose.jwk.KeyType.RSA);
        }
        JWKSelector selector = new JWKSelector(matcher.build());
        List<JWK> candidates;
        if (client.jwks() != null) {
            try {
                candidates = selector.select(JWKSet.parse(client.jwks()));
            }
            catch (ParseException e) {
                throw new Refused("invalid_client", "The client's registered key set cannot be read.");
            }
        } else {
            try {
                candidates = remoteKeys.keys(URI.create(client.jwksUrl()), selector);
            }
            catch (IOException e) {
                log.warn("Key set of FHIR client {} could not be fetched from {}: {}", client.clientId(), client.jwksUrl(),
                        e.toString());
                throw new Refused("invalid_client", "The client's key set could not be fetched from its URL.");
            }
        }
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
                if (jwt.verify(verifier)) {
                    return;
                }
            }
            catch (JOSEException e) {
                log.debug("Key {} of client {} cannot verify: {}", key.getKeyID(), client.clientId(), e.toString());
            }
        }
        throw new Refused("invalid_client", "The signature matches none of the client's registered keys.");
    }

    private void checkClaims(JWTClaimsSet claims, String tokenUrl) throws Refused {
        if (claims.getAudience() == null || !claims.getAudience().contains(tokenUrl)) {
            throw new Refused("invalid_client", "aud must be this token endpoint, " + tokenUrl + ".");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null) {
            throw new Refused("invalid_client", "exp is required.");
        }
        Instant expires = claims.getExpirationTime().toInstant();
        if (!expires.isAfter(now)) {
            throw new Refused("invalid_client", "The assertion has expired.");
        }
        if (expires.isAfter(now.plus(properties.maxAssertionLifetime()))) {
            throw new Refused("invalid_client", "exp may be at most " + properties.maxAssertionLifetime().toMinutes()
                    + " minutes ahead.");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw new Refused("invalid_client", "jti is required (at most " + MAX_JTI_LENGTH + " characters).");
        }
    }

    /**
     * The intersection of what was asked for and what the client was registered for, scope by scope: asking for
     * system/*.rs with system/Patient.r registered grants system/Patient.r.
     */
    static List<SmartScope> granted(String requested, List<SmartScope> registered) throws Refused {
        Set<SmartScope> granted = new LinkedHashSet<>();
        for (String text : requested.strip().split("\\s+")) {
            SmartScope asked;
            try {
                asked = SmartScope.parse(text);
            }
            catch (IllegalArgumentException e) {
                throw new Refused("invalid_scope", e.getMessage());
            }
            for (SmartScope held : registered) {
                String type = "*".equals(asked.resourceType()) ? held.resourceType()
                        : "*".equals(held.resourceType()) || held.resourceType().equals(asked.resourceType())
                                ? asked.resourceType() : null;
                String permissions = asked.permissions().chars().filter(c -> held.permissions().indexOf(c) >= 0)
                        .mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
                if (type != null && !permissions.isEmpty()) {
                    granted.add(new SmartScope(type, permissions));
                }
            }
        }
        if (granted.isEmpty()) {
            throw new Refused("invalid_scope", "None of the requested scopes is registered for this client.");
        }
        return new ArrayList<>(granted);
    }

    private Granted store(ApiClient client, JWTClaimsSet claims, List<SmartScope> granted) throws Refused {
        Granted answer = transactions.execute(tx -> {
            Instant now = clock.instant();
            jdbc.sql("delete from api_client_assertion where expires_at <= ?").param(Timestamp.from(now)).update();
            int fresh = jdbc.sql("""
                    insert into api_client_assertion (client_id, jti, expires_at) values (?, ?, ?) on conflict do nothing
                    """).params(client.clientId(), claims.getJWTID(), Timestamp.from(claims.getExpirationTime().toInstant()))
                    .update();
            if (fresh == 0) {
                return null;
            }
            AccessTokens.Issued issued = tokens.issue(client.clientId(), granted, properties.accessTokenLifetime());
            String scope = granted.stream().map(SmartScope::toString).collect(Collectors.joining(" "));
            audit.recordAttempt(client.clientId(), AuditAction.SIGN_IN, "ApiClient", "access token issued for " + scope);
            return new Granted(issued.token(), properties.accessTokenLifetime().toSeconds(), scope);
        });
        if (answer == null) {
            throw new Refused("invalid_client", "This assertion (jti) has been used already.");
        }
        return answer;
    }
}
