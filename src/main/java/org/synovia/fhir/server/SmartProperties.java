package org.synovia.fhir.server;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.synovia.shared.RemoteKeySets;

/**
 * SMART Backend Services for the FHIR API ({@code synovia.fhir.smart.*}, ADR 0063).
 *
 * @param accessTokenLifetime how long an access token is accepted (the SMART guide recommends 5 minutes at most)
 * @param maxAssertionLifetime how far ahead of now a client assertion's {@code exp} may lie (5 minutes in the guide)
 * @param tokenUrl the token endpoint's URL as clients see it (their assertions' {@code aud}); blank takes it from
 *        the request, which behind a proxy is right only when forwarded headers are trusted
 * @param jwksConnectTimeout connect timeout when fetching a client's key set from its URL
 * @param jwksReadTimeout read timeout for that fetch
 * @param jwksCacheFor how long a fetched key set is used before it is fetched again
 * @param jwksMinRefreshInterval the least time between two fetches of a key set for an unknown key id
 */
@ConfigurationProperties("synovia.fhir.smart")
record SmartProperties(@DefaultValue("PT5M") Duration accessTokenLifetime, @DefaultValue("PT5M") Duration maxAssertionLifetime,
        @DefaultValue("") String tokenUrl, @DefaultValue("PT2S") Duration jwksConnectTimeout,
        @DefaultValue("PT3S") Duration jwksReadTimeout, @DefaultValue("PT10M") Duration jwksCacheFor,
        @DefaultValue("PT30S") Duration jwksMinRefreshInterval) {

    static final int MAX_JWKS_BYTES = 64 * 1024;

    SmartProperties {
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero() || accessTokenLifetime.toMinutes() > 60) {
            throw new IllegalArgumentException("synovia.fhir.smart.access-token-lifetime must be between 1 s and 60 min");
        }
        if (maxAssertionLifetime.isNegative() || maxAssertionLifetime.isZero() || maxAssertionLifetime.toMinutes() > 60) {
            throw new IllegalArgumentException("synovia.fhir.smart.max-assertion-lifetime must be between 1 s and 60 min");
        }
        if (jwksConnectTimeout.isNegative() || jwksConnectTimeout.isZero() || jwksReadTimeout.isNegative()
                || jwksReadTimeout.isZero()) {
            throw new IllegalArgumentException("synovia.fhir.smart.jwks-connect-timeout and jwks-read-timeout must be positive");
        }
    }

    RemoteKeySets.Settings keySets() {
        return new RemoteKeySets.Settings(jwksConnectTimeout, jwksReadTimeout, MAX_JWKS_BYTES, jwksCacheFor,
                jwksMinRefreshInterval);
    }
}
