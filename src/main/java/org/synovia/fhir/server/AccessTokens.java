package org.synovia.fhir.server;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.fhir.ApiClients;
import org.synovia.fhir.SmartScope;
import org.synovia.fhir.VerifiedCredentials;
import org.synovia.shared.Secrets;

/**
 * The bearer tokens the token endpoint issues (ADR 0063): 256 random bits, of which only the SHA-256 is kept with
 * the client and the scopes granted. A token is refused once expired or once its client is disabled here, at once.
 * A token found right is not read again for {@value VerifiedCredentials#KEPT_FOR_SECONDS} seconds, and never beyond
 * its expiry (ADR 0127); a token deleted, or its client disabled, by other means counts within that time (HAZ-154).
 */
@Component
class AccessTokens {

    private static final int TOKEN_BYTES = 32;
    /** Far more tokens than clients hold at once (one each per lifetime); beyond it all are forgotten at once. */
    private static final int VERIFIED_KEPT_AT_MOST = 10_000;

    record Issued(String token, Instant expiresAt) {
    }

    record Bearer(String clientId, List<SmartScope> scopes) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    /** By the token's hash: its client and scopes, as read (ADR 0127). */
    private final VerifiedCredentials<String, Bearer> verified;

    AccessTokens(JdbcClient jdbc, ApiClients clients, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.verified = new VerifiedCredentials<>(clock, VERIFIED_KEPT_AT_MOST);
        clients.forgetOnEveryChange(verified);
    }

    /** Stores a new token for the client and its granted scopes, and deletes those that have expired. */
    @Transactional(propagation = Propagation.MANDATORY)
    Issued issue(String clientId, List<SmartScope> scopes, Duration lifetime) {
        Instant now = clock.instant();
        jdbc.sql("delete from api_access_token where expires_at <= ?").param(Timestamp.from(now)).update();
        String token = Secrets.newToken(TOKEN_BYTES);
        Instant expires = now.plus(lifetime);
        jdbc.sql("""
                insert into api_access_token (token_hash, client_id, scopes, issued_at, expires_at) values (?, ?, ?, ?, ?)
                """).params(hash(token), clientId, scopes.stream().map(SmartScope::toString).collect(Collectors.joining(" ")),
                Timestamp.from(now), Timestamp.from(expires)).update();
        return new Issued(token, expires);
    }

    /**
     * The client and scopes of an unexpired token whose client is enabled; empty otherwise. One query, none while the
     * token was found right less than {@value VerifiedCredentials#KEPT_FOR_SECONDS} seconds ago and has not expired;
     * a token not found is read again at every call.
     */
    Optional<Bearer> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String tokenHash = hash(token);
        Bearer kept = verified.kept(tokenHash);
        if (kept != null) {
            return Optional.of(kept);
        }
        VerifiedCredentials.Check check = verified.check();
        Optional<Read> read = jdbc.sql("""
                select t.client_id, t.scopes, t.expires_at from api_access_token t
                join api_client c on c.client_id = t.client_id
                where t.token_hash = ? and t.expires_at > ? and c.enabled
                """).params(tokenHash, Timestamp.from(check.now()))
                .query((rs, n) -> new Read(new Bearer(rs.getString(1),
                        Arrays.stream(rs.getString(2).split(" ")).map(SmartScope::parse).toList()),
                        rs.getTimestamp(3).toInstant()))
                .optional();
        read.ifPresent(found -> verified.keep(check, tokenHash, found.bearer(), found.expiresAt()));
        return read.map(Read::bearer);
    }

    private record Read(Bearer bearer, Instant expiresAt) {
    }

    private static String hash(String token) {
        return "sha256:" + Secrets.sha256Hex(token);
    }
}
