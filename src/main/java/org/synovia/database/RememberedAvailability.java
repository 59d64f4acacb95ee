package org.synovia.database;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The embedded server's availability with a "yes" remembered for a short while: looking means reading
 * {@code postmaster.pid} and the process's entries under {@code /proc}, and the HL7 listener asks before every
 * message (6% of its CPU per order under load). A "no" is never remembered, so a server that comes back is
 * used at once; a server that dies is noticed within the age, and a message sent meanwhile fails on its
 * connection and is answered "try again" all the same.
 */
final class RememberedAvailability implements DatabaseAvailability {

    private static final long NEVER = Long.MIN_VALUE;

    private final BooleanSupplier look;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    /** When a live server was last seen (System.nanoTime: an age, not a time of day), or NEVER. */
    private volatile long seenAliveAtNanos = NEVER;

    RememberedAvailability(BooleanSupplier look, Duration maxAge, LongSupplier nanoTime) {
        this.look = look;
        this.maxAgeNanos = maxAge.isNegative() ? 0 : maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean available() {
        long now = nanoTime.getAsLong();
        long seen = seenAliveAtNanos;
        if (seen != NEVER && now - seen < maxAgeNanos) {
            return true;
        }
        boolean alive = look.getAsBoolean();
        seenAliveAtNanos = alive ? now : NEVER;
        return alive;
    }
}
