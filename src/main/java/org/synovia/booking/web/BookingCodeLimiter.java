package org.synovia.booking.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;
import org.synovia.booking.BookingCodeProperties;

/**
 * Counts wrong booking codes per client address and in all, in fixed windows (HAZ-112): with 32^8 codes and at
 * most {@code wrong-in-all} wrong tries per window, guessing one open code takes many years. In memory: a restart
 * forgets the counts; addresses are dropped when their window ends.
 */
@Component
class BookingCodeLimiter {

    private final BookingCodeProperties properties;
    private final Clock clock;
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();
    private final AtomicReference<Window> inAll = new AtomicReference<>(new Window(0, 0));

    BookingCodeLimiter(BookingCodeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** False when this address, or everyone together, typed too many wrong codes in this window. */
    boolean allowed(String address) {
        long now = clock.millis();
        Window mine = byAddress.get(key(address));
        Window all = inAll.get();
        return (mine == null || mine.endedBy(now, windowMillis()) || mine.count() < properties.wrongPerAddress())
                && (all.endedBy(now, windowMillis()) || all.count() < properties.wrongInAll());
    }

    /** Counts a wrong code from this address. */
    void wrong(String address) {
        long now = clock.millis();
        long window = windowMillis();
        if (byAddress.size() > 10_000) {
            byAddress.values().removeIf(w -> w.endedBy(now, window));
        }
        byAddress.compute(key(address), (k, w) -> w == null || w.endedBy(now, window) ? new Window(now, 1) : w.plusOne());
        inAll.updateAndGet(w -> w.endedBy(now, window) ? new Window(now, 1) : w.plusOne());
    }

    long retryAfterSeconds() {
        return properties.window().toSeconds();
    }

    private long windowMillis() {
        return properties.window().toMillis();
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }

    private record Window(long start, int count) {

        boolean endedBy(long now, long length) {
            return now - start >= length;
        }

        Window plusOne() {
            return new Window(start, count + 1);
        }
    }
}
