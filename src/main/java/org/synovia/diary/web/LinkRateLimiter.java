package org.synovia.diary.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.synovia.diary.DiaryProperties;

/**
 * Counts requests to diary links per link and per client address in one-minute windows, so that nobody can
 * try links by the thousand or flood one patient's diary (HAZ-47). In memory: a restart forgets the counts,
 * which is harmless; each instance counts on its own.
 */
@Component
class LinkRateLimiter {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_KEYS = 50_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final DiaryProperties properties;
    private final Clock clock;

    LinkRateLimiter(DiaryProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts this request; false when the link or the address has used its share of this minute. */
    boolean allow(String token, String clientAddress) {
        long now = clock.millis();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> now - w.start >= WINDOW_MILLIS);
        }
        boolean address = count("address:" + clientAddress, now) <= properties.requestsPerMinutePerAddress();
        boolean link = count("link:" + (token == null ? "" : token), now) <= properties.requestsPerMinutePerLink();
        return address && link;
    }

    /** Seconds until the current window ends, for the Retry-After header. */
    long retryAfterSeconds() {
        return WINDOW_MILLIS / 1000;
    }

    private int count(String key, long now) {
        return windows.compute(key, (k, w) -> w == null || now - w.start >= WINDOW_MILLIS ? new Window(now, 1)
                : new Window(w.start, w.count + 1)).count;
    }

    private record Window(long start, int count) {
    }
}
