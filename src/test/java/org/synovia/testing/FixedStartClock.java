package org.synovia.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: it starts at {@link #START} whatever day the build runs, so dates,
 * weekdays and daylight-saving changes never depend on the calendar, and it moves forward with the run so leases,
 * timeouts and the order of audit rows still see time pass. Tests ask this clock (autowire {@link Clock}) for "today",
 * never the wall clock; tests that need time to stand still build a {@link TestClock} from it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedStartClock {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A Tuesday in winter, 07:30 in London: a whole clinic day lies ahead of every test. */
    public static final Instant START = LocalDateTime.of(2027, 1, 12, 7, 30).atZone(LONDON).toInstant();

    // Once per JVM, so a second application context in the same run shares the same time line.
    private static final Duration OFFSET = Duration.between(Instant.now(), START);

    @Bean
    @Primary
    Clock fixedStartClock() {
        // Microsecond ticks, as the application's own clock: PostgreSQL keeps microseconds.
        return Clock.tick(Clock.offset(Clock.system(LONDON), OFFSET), Duration.ofNanos(1_000));
    }
}
