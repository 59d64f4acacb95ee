package org.synovia.fhir;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Credentials found right against their row, each kept for at most {@value #KEPT_FOR_SECONDS} seconds so that a busy
 * client's next calls skip the read: API client secrets (ADR 0124) and bearer tokens (ADR 0127). Only a success is
 * kept; time comes from the injected {@link Clock}. A change to clients forgets everything kept at once and again at
 * its commit, and a check that read its row before such a change does not keep what it read.
 *
 * @param <K> what a credential is found by (a client id, a token's hash)
 * @param <V> what was read for it
 */
public final class VerifiedCredentials<K, V> {

    /**
     * Long enough that a busy client's calls skip the read, short enough that a change made outside this instance
     * (another instance, an administrator's SQL) counts within half a minute (HAZ-151, HAZ-154).
     */
    public static final int KEPT_FOR_SECONDS = 30;
    private static final Duration KEPT_FOR = Duration.ofSeconds(KEPT_FOR_SECONDS);

    private final Clock clock;
    private final int keptAtMost;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    /** Counts changes to clients, so that a check that read a row before a change does not keep it. */
    private final AtomicLong changes = new AtomicLong();

    private record Kept<V>(V value, Instant until) {
    }

    /** Where a check stood before it read the row: its time and the changes counted so far. */
    public record Check(Instant now, long changesBefore) {
    }

    /** @param keptAtMost beyond it everything is forgotten at once, so that the map cannot grow without end */
    public VerifiedCredentials(Clock clock, int keptAtMost) {
        this.clock = clock;
        this.keptAtMost = keptAtMost;
    }

    /** What was kept for this key, if it was verified less than its time ago; null otherwise. */
    public V kept(K key) {
        Kept<V> found = kept.get(key);
        return found != null && clock.instant().isBefore(found.until()) ? found.value() : null;
    }

    /** Taken before the row is read, and handed to {@link #keep} once it was found right. */
    public Check check() {
        return new Check(clock.instant(), changes.get());
    }

    /**
     * Keeps what was read and found right until {@value #KEPT_FOR_SECONDS} seconds after the check, never beyond
     * {@code notAfter} (a token's expiry; null for none), unless a change to clients counted since the check: checked
     * again after it is put, as a change counts itself before it forgets, so that a row read before a change is never
     * left kept.
     */
    public void keep(Check check, K key, V value, Instant notAfter) {
        Instant until = check.now().plus(KEPT_FOR);
        if (notAfter != null && notAfter.isBefore(until)) {
            until = notAfter;
        }
        if (kept.size() >= keptAtMost) {
            kept.clear();
        }
        Kept<V> read = new Kept<>(value, until);
        kept.put(key, read);
        if (changes.get() != check.changesBefore()) {
            kept.remove(key, read);
        }
    }

    /** Forgets everything kept now and again when the change commits, so that no call is let through on the old row. */
    public void forget() {
        forgetNow();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetNow();
                }
            });
        }
    }

    private void forgetNow() {
        changes.incrementAndGet();
        kept.clear();
    }
}
