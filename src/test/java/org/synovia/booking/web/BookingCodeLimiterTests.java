package org.synovia.booking.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.synovia.booking.BookingCodeProperties;
import org.synovia.testing.TestClock;

class BookingCodeLimiterTests {

    private final TestClock clock = TestClock.at(Instant.parse("2027-01-12T09:00:00Z"));
    private final BookingCodeLimiter limiter = new BookingCodeLimiter(new BookingCodeProperties(5, 8, Duration.ofMinutes(15)), clock);

    @Test
    void refusesAnAddressAfterFiveWrongCodesUntilTheWindowEnds() {
        for (int i = 0; i < 4; i++) {
            limiter.wrong("203.0.113.7");
        }
        assertThat(limiter.allowed("203.0.113.7")).isTrue();
        limiter.wrong("203.0.113.7");

        assertThat(limiter.allowed("203.0.113.7")).isFalse();
        assertThat(limiter.allowed("203.0.113.8")).isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(limiter.allowed("203.0.113.7")).isTrue();
    }

    @Test
    void refusesEveryoneOnceTooManyWrongCodesCameFromManyAddresses() {
        for (int i = 0; i < 8; i++) {
            limiter.wrong("198.51.100." + i);
        }

        assertThat(limiter.allowed("192.0.2.1")).isFalse();
        clock.advance(Duration.ofMinutes(15));
        assertThat(limiter.allowed("192.0.2.1")).isTrue();
    }
}
