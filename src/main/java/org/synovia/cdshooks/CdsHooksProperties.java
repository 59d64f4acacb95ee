package org.synovia.cdshooks;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.synovia.shared.RemoteKeySets;

/**
 * How CDS clients prove who they are ({@code synovia.cds-hooks.*}, ADR 0064).
 *
 * @param basicEnabled whether HTTP Basic with a staff or service account is still accepted beside signed JWTs
 *        (simple set-ups); turn it off once every record system signs its calls
 * @param trustedClients the allow-list of CDS clients that may call with a signed JWT: each issuer ({@code iss})
 *        with the URL of its JSON Web Key Set
 * @param serviceBaseUrl the address record systems call us at (the JWT's {@code aud} is this followed by
 *        {@code /cds-services/{id}}); blank takes it from the request
 * @param maxTokenLifetime how far ahead of now a JWT's {@code exp} may lie (the specification says 5 minutes)
 * @param jwksConnectTimeout connect timeout when fetching a client's key set
 * @param jwksReadTimeout read timeout for that fetch
 * @param jwksCacheFor how long a fetched key set is used before it is fetched again
 * @param jwksMinRefreshInterval the least time between two fetches of a key set for an unknown key id
 */
@ConfigurationProperties("synovia.cds-hooks")
record CdsHooksProperties(@DefaultValue("true") boolean basicEnabled, List<TrustedClient> trustedClients,
        @DefaultValue("") String serviceBaseUrl, @DefaultValue("PT5M") Duration maxTokenLifetime,
        @DefaultValue("PT2S") Duration jwksConnectTimeout, @DefaultValue("PT3S") Duration jwksReadTimeout,
        @DefaultValue("PT10M") Duration jwksCacheFor, @DefaultValue("PT30S") Duration jwksMinRefreshInterval) {

    static final int MAX_JWKS_BYTES = 64 * 1024;
    static final int MAX_NAME_LENGTH = 60;

    /**
     * @param issuer the {@code iss} the client signs with
     * @param jwksUrl where its public keys are published (https; http only on this machine)
     * @param name how the audit trail names it (at most 60 characters; the issuer when blank)
     */
    record TrustedClient(String issuer, URI jwksUrl, String name) {

        String auditName() {
            return "cds:" + (name == null || name.isBlank() ? issuer : name.strip());
        }
    }

    CdsHooksProperties {
        trustedClients = trustedClients == null ? List.of() : List.copyOf(trustedClients);
        Set<String> issuers = new HashSet<>();
        for (TrustedClient client : trustedClients) {
            if (client.issuer() == null || client.issuer().isBlank() || client.jwksUrl() == null) {
                throw new IllegalArgumentException("synovia.cds-hooks.trusted-clients: each needs an issuer and a jwks-url");
            }
            if (!issuers.add(client.issuer())) {
                throw new IllegalArgumentException("synovia.cds-hooks.trusted-clients: issuer " + client.issuer() + " twice");
            }
            String scheme = client.jwksUrl().getScheme();
            String host = client.jwksUrl().getHost();
            boolean local = "http".equals(scheme) && host != null
                    && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
            if (!"https".equals(scheme) && !local) {
                throw new IllegalArgumentException("synovia.cds-hooks.trusted-clients: jwks-url of " + client.issuer()
                        + " must be https");
            }
            if (client.auditName().length() > 64) {
                throw new IllegalArgumentException("synovia.cds-hooks.trusted-clients: give " + client.issuer()
                        + " a name of at most " + MAX_NAME_LENGTH + " characters");
            }
        }
        if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero() || jwksConnectTimeout.isNegative()
                || jwksConnectTimeout.isZero() || jwksReadTimeout.isNegative() || jwksReadTimeout.isZero()) {
            throw new IllegalArgumentException("synovia.cds-hooks durations must be positive");
        }
    }

    RemoteKeySets.Settings keySets() {
        return new RemoteKeySets.Settings(jwksConnectTimeout, jwksReadTimeout, MAX_JWKS_BYTES, jwksCacheFor,
                jwksMinRefreshInterval);
    }
}
