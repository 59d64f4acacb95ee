package org.synovia.diary.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.synovia.diary.DiaryProperties;

/**
 * Counts requests to diary links in one-minute windows, so that nobody can try links by the thousand or flood one
 * patient's diary (HAZ-47). A link is counted per link and client address together, so patients behind one proxy
 * each keep their own share; an address is counted only for the links it was refused (unknown or expired), which
 * is what trying links by the thousand looks like. Links are held as a 64-bit hash, never as the token, and the
 * number of windows kept is capped ({@code synovia.diary.rate-limit-entries}): expired windows go first, then the
 * oldest (ADR 0054). In memory: a restart forgets the counts, which is harmless; each instance counts on its own.
 */
@Component
class LinkRateLimiter {

    private static final long WINDOW_MILLIS = 60_000;
    /** The link hash under which an address's refusals are counted; no link hashes to it. */
    private static final long REFUSALS = 0;

    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private final DiaryProperties properties;
    private final Clock clock;

    LinkRateLimiter(DiaryProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts this request; false when this link from this address, or the address's refusals, used this minute. */
    boolean allow(String token, String clientAddress) {
        long now = clock.millis();
        makeRoom(now);
        String address = clientAddress == null ? "" : clientAddress;
        Window refusals = windows.get(new Key(REFUSALS, address));
        boolean addressAllowed = refusals == null || now - refusals.start >= WINDOW_MILLIS
                || refusals.count < properties.requestsPerMinutePerAddress();
        boolean linkAllowed = count(new Key(hash(token), address), now) <= properties.requestsPerMinutePerLink();
        return addressAllowed && linkAllowed;
    }

    /** Counts a request from this address for a link that was refused (unknown or expired). */
    void refused(String clientAddress) {
        long now = clock.millis();
        makeRoom(now);
        count(new Key(REFUSALS, clientAddress == null ? "" : clientAddress), now);
    }

    /** Seconds until the current window ends, for the Retry-After header. */
    long retryAfterSeconds() {
        return WINDOW_MILLIS / 1000;
    }

    /** How many windows are held now. */
    int size() {
        return windows.size();
    }

    private void makeRoom(long now) {
        int cap = properties.rateLimitEntries();
        if (windows.size() < cap) {
            return;
        }
        windows.values().removeIf(w -> now - w.start >= WINDOW_MILLIS);
        int excess = windows.size() - cap * 9 / 10;
        if (excess > 0) {
            windows.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getValue().start)).limit(excess)
                    .map(Map.Entry::getKey).toList().forEach(windows::remove);
        }
    }

    private int count(Key key, long now) {
        return windows.compute(key, (k, w) -> w == null || now - w.start >= WINDOW_MILLIS ? new Window(now, 1)
                : new Window(w.start, w.count + 1)).count;
    }

    /** The first 64 bits of the token's SHA-256: enough to tell links apart, useless to open one. */
    private static long hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = value << 8 | digest[i] & 0xff;
            }
            return value == REFUSALS ? REFUSALS + 1 : value;
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record Key(long link, String address) {
    }

    private record Window(long start, int count) {
    }
}
