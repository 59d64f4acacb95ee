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
import org.synovia.fhir.SmartScope;
import org.synovia.shared.Secrets;

/**
 * The bearer tokens the token endpoint issues (ADR 0063): 256 random bits, of which only the SHA-256 is kept with
 * the client and the scopes granted. A token is refused once expired or once its client is disabled, at once.
 */
@Component
class AccessTokens {

    private static final int TOKEN_BYTES = 32;

    record Issued(String token, Instant expiresAt) {
    }

    record Bearer(String clientId, List<SmartScope> scopes) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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

    /** The client and scopes of an unexpired token whose client is enabled; empty otherwise. One query. */
    Optional<Bearer> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select t.client_id, t.scopes from api_access_token t join api_client c on c.client_id = t.client_id
                where t.token_hash = ? and t.expires_at > ? and c.enabled
                """).params(hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Bearer(rs.getString(1),
                        Arrays.stream(rs.getString(2).split(" ")).map(SmartScope::parse).toList()))
                .optional();
    }

    private static String hash(String token) {
        return "sha256:" + Secrets.sha256Hex(token);
    }
}
