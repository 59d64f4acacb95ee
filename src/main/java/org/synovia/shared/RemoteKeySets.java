package org.synovia.shared;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * JSON Web Key Sets published by the systems that call us (a FHIR client's or a CDS client's {@code jwks_url}),
 * fetched with connect and read timeouts and a size limit, and kept for a while so that a call does not wait on
 * another server. When no key matches (the caller has rotated its keys), the set is fetched again, but at most once
 * per {@code minRefreshInterval}, so that made-up key ids cannot make us hammer the other server. Only public
 * keys are kept.
 */
public final class RemoteKeySets {

    /**
     * @param connectTimeout how long to wait to connect to the key set's server
     * @param readTimeout how long to wait for its answer
     * @param maxBytes the biggest key set read; a key set is a few kilobytes
     * @param cacheFor how long a fetched set is used before it is fetched again
     * @param minRefreshInterval the least time between two fetches of one set for an unknown key
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, int maxBytes, Duration cacheFor,
            Duration minRefreshInterval) {
    }

    private record Cached(JWKSet keys, Instant fetchedAt) {
    }

    private final Settings settings;
    private final Clock clock;
    private final DefaultResourceRetriever retriever;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

    public RemoteKeySets(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.retriever = new DefaultResourceRetriever(Math.toIntExact(settings.connectTimeout().toMillis()),
                Math.toIntExact(settings.readTimeout().toMillis()), settings.maxBytes());
    }

    /**
     * The keys of the set at {@code url} that the selector matches, fetching the set when it is not cached, stale,
     * or lacks a matching key (at most once per minimum interval).
     *
     * @throws IOException when the set cannot be fetched or is not a key set
     */
    public List<JWK> keys(URI url, JWKSelector selector) throws IOException {
        Instant now = clock.instant();
        Cached cached = cache.get(url);
        boolean fresh = false;
        if (cached == null || !cached.fetchedAt().plus(settings.cacheFor()).isAfter(now)) {
            cached = fetch(url, now);
            fresh = true;
        }
        List<JWK> found = selector.select(cached.keys());
        if (found.isEmpty() && !fresh && !cached.fetchedAt().plus(settings.minRefreshInterval()).isAfter(now)) {
            found = selector.select(fetch(url, now).keys());
        }
        return found;
    }

    private Cached fetch(URI url, Instant now) throws IOException {
        String content = retriever.retrieveResource(url.toURL()).getContent();
        try {
            Cached fetched = new Cached(JWKSet.parse(content).toPublicJWKSet(), now);
            cache.put(url, fetched);
            return fetched;
        }
        catch (java.text.ParseException e) {
            throw new IOException("The document at " + url + " is not a JSON Web Key Set", e);
        }
    }
}
