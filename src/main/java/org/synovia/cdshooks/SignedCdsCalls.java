package org.synovia.cdshooks;

import java.io.IOException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.RemoteKeySets;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Checks the JWT a CDS client signs for each call, as "Trusting CDS Clients" in the CDS Hooks specification asks
 * (ADR 0064): ES384 or RS384 with a {@code kid}; {@code iss} on the allow-list, whose key set (fetched from its
 * configured URL, never from the token's {@code jku}) holds the key; {@code aud} the service URL called;
 * {@code exp} in the future and at most five minutes ahead; {@code iat} not in the future; {@code jti} never seen
 * before. The key set is fetched before the transaction that remembers the {@code jti}. Refusals are audited.
 */
@Component
class SignedCdsCalls {

    static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);
    static final int MAX_TOKEN_LENGTH = 16_000;
    static final int MAX_JTI_LENGTH = 255;
    /** Clocks of two servers differ a little; an {@code iat} this far ahead of ours is still accepted. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(SignedCdsCalls.class);

    /** The trusted client a call came from, with the tenant it named, if any. */
    record Caller(CdsHooksProperties.TrustedClient client, String tenant) {
    }

    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final CdsHooksProperties properties;
    private final RemoteKeySets keySets;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    SignedCdsCalls(CdsHooksProperties properties, JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit,
            Clock clock) {
        this.properties = properties;
        this.keySets = new RemoteKeySets(properties.keySets(), clock);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller of a call to {@code serviceUrl} carrying this token, or the reason it is refused (audited). */
    Caller verify(String token, String serviceUrl) throws Refused {
        String issuer = null;
        try {
            if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
                throw new Refused("The bearer token must be a signed JWT of at most " + MAX_TOKEN_LENGTH + " characters.");
            }
            SignedJWT jwt;
            JWTClaimsSet claims;
            try {
                jwt = SignedJWT.parse(token);
                claims = jwt.getJWTClaimsSet();
            }
            catch (ParseException e) {
                throw new Refused("The bearer token is not a signed JWT.");
            }
            issuer = claims.getIssuer();
            String iss = issuer;
            CdsHooksProperties.TrustedClient client = properties.trustedClients().stream()
                    .filter(c -> c.issuer().equals(iss)).findFirst()
                    .orElseThrow(() -> new Refused("The issuer is not a trusted CDS client."));
            verifySignature(jwt, client);
            checkClaims(claims, serviceUrl);
            remember(client, claims);
            Object tenant = claims.getClaim("tenant");
            return new Caller(client, tenant instanceof String t && t.length() <= 255 ? t : null);
        }
        catch (Refused refused) {
            log.warn("CDS Hooks call refused: {} (iss {})", refused.getMessage(), issuer);
            String who = issuer == null || issuer.length() > 60 ? "(unknown cds client)" : "cds:" + issuer;
            transactions.executeWithoutResult(tx -> audit.recordAttempt(who, AuditAction.SIGN_IN_REFUSED, "CdsHooksCall",
                    "signed call refused: " + refused.getMessage()));
            throw refused;
        }
    }

    private void verifySignature(SignedJWT jwt, CdsHooksProperties.TrustedClient client) throws Refused {
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new Refused("The JWT must be signed with ES384 or RS384.");
        }
        if (header.getKeyID() == null) {
            throw new Refused("The JWT header must name its key (kid).");
        }
        JWKMatcher.Builder matcher = new JWKMatcher.Builder().keyID(header.getKeyID()).keyUses(KeyUse.SIGNATURE, null);
        if (JWSAlgorithm.ES384.equals(header.getAlgorithm())) {
            matcher.keyType(KeyType.EC).curve(Curve.P_384);
        } else {
            matcher.keyType(KeyType.RSA);
        }
        List<JWK> keys;
        try {
            keys = keySets.keys(client.jwksUrl(), new JWKSelector(matcher.build()));
        }
        catch (IOException e) {
            log.warn("Key set of CDS client {} could not be fetched from {}: {}", client.issuer(), client.jwksUrl(), e.toString());
            throw new Refused("The client's key set could not be fetched.");
        }
        for (JWK key : keys) {
            try {
                JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
                if (jwt.verify(verifier)) {
                    return;
                }
            }
            catch (JOSEException e) {
                log.debug("Key {} of CDS client {} cannot verify: {}", key.getKeyID(), client.issuer(), e.toString());
            }
        }
        throw new Refused("The signature matches none of the client's published keys.");
    }

    private void checkClaims(JWTClaimsSet claims, String serviceUrl) throws Refused {
        if (claims.getAudience() == null || !claims.getAudience().contains(serviceUrl)) {
            throw new Refused("aud must be the service called, " + serviceUrl + ".");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
            throw new Refused("The JWT has expired (or has no exp).");
        }
        if (claims.getExpirationTime().toInstant().isAfter(now.plus(properties.maxTokenLifetime()))) {
            throw new Refused("exp may be at most " + properties.maxTokenLifetime().toMinutes() + " minutes ahead.");
        }
        if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new Refused("iat is required and may not be in the future.");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw new Refused("jti is required (at most " + MAX_JTI_LENGTH + " characters).");
        }
    }

    private void remember(CdsHooksProperties.TrustedClient client, JWTClaimsSet claims) throws Refused {
        Boolean fresh = transactions.execute(tx -> {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("delete from cds_hooks_jwt_id where expires_at <= ?").param(now).update();
            return jdbc.sql("insert into cds_hooks_jwt_id (issuer, jti, expires_at) values (?, ?, ?) on conflict do nothing")
                    .params(client.issuer(), claims.getJWTID(), Timestamp.from(claims.getExpirationTime().toInstant()))
                    .update() == 1;
        });
        if (!Boolean.TRUE.equals(fresh)) {
            throw new Refused("This JWT (jti) has been used already.");
        }
    }
}
