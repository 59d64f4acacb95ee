package org.synovia.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RememberedAvailabilityTests {

    private final AtomicBoolean alive = new AtomicBoolean(true);
    private final AtomicInteger looks = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(1_000);

    private RememberedAvailability remembering(Duration maxAge) {
        return new RememberedAvailability(() -> {
            looks.incrementAndGet();
            return alive.get();
        }, maxAge, nanos::get);
    }

    @Test
    void remembersALiveServerForTheAgeThenLooksAgain() {
        RememberedAvailability availability = remembering(Duration.ofMillis(250));

        assertThat(availability.available()).isTrue();
        alive.set(false);
        nanos.addAndGet(Duration.ofMillis(249).toNanos());
        boolean withinTheAge = availability.available();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        boolean atTheAge = availability.available();

        assertThat(withinTheAge).isTrue();
        assertThat(atTheAge).isFalse();
        assertThat(looks).hasValue(2);
    }

    @Test
    void neverRemembersADeadServer() {
        RememberedAvailability availability = remembering(Duration.ofMillis(250));
        alive.set(false);

        assertThat(availability.available()).isFalse();
        alive.set(true);

        assertThat(availability.available()).isTrue();
        assertThat(looks).hasValue(2);
    }

    @Test
    void looksEveryTimeWithAZeroAge() {
        RememberedAvailability availability = remembering(Duration.ZERO);

        availability.available();
        availability.available();

        assertThat(looks).hasValue(2);
    }
}
