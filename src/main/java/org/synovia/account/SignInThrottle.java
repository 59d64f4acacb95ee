package org.synovia.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts refused sign-ins per username and per client address and turns either away for a while once it has had
 * too many (ADR 0052). A username is counted whether or not an account of that name exists, so a lock says nothing
 * about which accounts exist. Keys are SHA-256 hashes, entries expire, and at most {@code maxTracked} of each kind
 * are kept, so a flood of made-up names cannot exhaust memory. State lives in this instance only.
 */
@Component
class SignInThrottle {

    private final SignInThrottleProperties properties;
    private final Clock clock;
    private final Map<String, Counter> usernames = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    SignInThrottle(SignInThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** True while the username or the address is locked: the attempt is refused without checking the password. */
    boolean refuses(String username, String address) {
        Instant now = clock.instant();
        return locked(usernames.get(usernameKey(username)), now) || locked(addresses.get(addressKey(address)), now);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        count(usernames, usernameKey(username), properties.accountFailures(), now);
        count(addresses, addressKey(address), properties.addressFailures(), now);
    }

    /** A right password clears the username's count; the address keeps its own, so one good account cannot reset it. */
    void succeeded(String username) {
        usernames.remove(usernameKey(username));
    }

    /** True while the username is locked (its address may be locked as well; that is not shown per account). */
    boolean locksUsername(String username) {
        return locked(usernames.get(usernameKey(username)), clock.instant());
    }

    /** An administrator lets the person try again at once: the username's count and lock are forgotten. */
    void unlock(String username) {
        usernames.remove(usernameKey(username));
    }

    int tracked() {
        return usernames.size() + addresses.size();
    }

    private void count(Map<String, Counter> counters, String key, int limit, Instant now) {
        counters.compute(key, (k, counter) -> {
            if (counter == null || counter.expired(now, properties)) {
                counter = new Counter(0, now, null);
            }
            int failures = counter.failures() + 1;
            return new Counter(failures, counter.windowStart(), failures >= limit ? now.plus(properties.lockout()) : null);
        });
        if (counters.size() > properties.maxTracked()) {
            counters.values().removeIf(counter -> counter.expired(now, properties));
            while (counters.size() > properties.maxTracked()) {
                counters.entrySet().stream().min((a, b) -> a.getValue().windowStart().compareTo(b.getValue().windowStart()))
                        .ifPresent(oldest -> counters.remove(oldest.getKey()));
            }
        }
    }

    private static boolean locked(Counter counter, Instant now) {
        return counter != null && counter.lockedUntil() != null && now.isBefore(counter.lockedUntil());
    }

    private static String usernameKey(String username) {
        return hash("u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)));
    }

    private static String addressKey(String address) {
        return hash("a:" + (address == null ? "" : address));
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Counter(int failures, Instant windowStart, Instant lockedUntil) {

        boolean expired(Instant now, SignInThrottleProperties properties) {
            boolean windowOver = !now.isBefore(windowStart.plus(properties.window()));
            return windowOver && (lockedUntil == null || !now.isBefore(lockedUntil));
        }
    }
}
