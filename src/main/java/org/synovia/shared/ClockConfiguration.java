package org.synovia.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every module asks for the time, so that tests can fix it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${synovia.time-zone:Europe/London}") String zone) {
        // Microsecond ticks: PostgreSQL keeps microseconds, so what is stored reads back equal.
        return Clock.tick(Clock.system(ZoneId.of(zone)), Duration.ofNanos(1_000));
    }
}
