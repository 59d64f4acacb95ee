package org.synovia.diary.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.synovia.diary.DiaryProperties;
import org.synovia.testing.TestClock;

class LinkRateLimiterTests {

    private static final String PROXY = "10.0.0.1";
    private static final int CAP = 1_000;

    private final TestClock clock = TestClock.at(Instant.parse("2026-12-06T09:00:00Z"));
    private final LinkRateLimiter limiter = new LinkRateLimiter(properties(), clock);

    private static DiaryProperties properties() {
        return new DiaryProperties(List.of("D1"), List.of("D1", "W6", "W12"), 480, Duration.ofDays(7), Duration.ofDays(3),
                Duration.ofDays(84), List.of(), false, Duration.ofMinutes(15), "the service on 01632 960000", 30, 120, CAP);
    }

    private static String longToken(int n) {
        return n + "-" + "x".repeat(4_000);
    }

    @Test
    void keepsNoMoreWindowsThanTheCapFor20000DistinctLongTokensInOneMinute() {
        for (int n = 0; n < 20_000; n++) {
            limiter.allow(longToken(n), "192.0.2." + n % 250);
            assertThat(limiter.size()).isLessThanOrEqualTo(CAP);
        }
    }

    @Test
    void givesEachPatientBehindOneProxyTheirOwnShare() {
        IntStream.range(0, 30).forEach(i -> assertThat(limiter.allow("patient-a-link", PROXY)).isTrue());
        assertThat(limiter.allow("patient-a-link", PROXY)).as("31st request of one link in a minute").isFalse();

        IntStream.range(0, 30).forEach(i -> assertThat(limiter.allow("patient-b-link", PROXY)).isTrue());
        IntStream.range(0, 200).forEach(i -> assertThat(limiter.allow("patient-" + i, PROXY)).isTrue());
    }

    @Test
    void stopsAnAddressThatKeepsTryingUnknownLinksAndLetsItBackAfterTheMinute() {
        IntStream.range(0, 120).forEach(i -> {
            assertThat(limiter.allow("guess-" + i, PROXY)).isTrue();
            limiter.refused(PROXY);
        });
        assertThat(limiter.allow("guess-120", PROXY)).isFalse();
        assertThat(limiter.allow("any-link", "192.0.2.7")).as("another address").isTrue();

        clock.advance(Duration.ofSeconds(60));
        assertThat(limiter.allow("guess-121", PROXY)).isTrue();
    }

    @Test
    void countsALinkAgainAfterItsMinute() {
        IntStream.range(0, 30).forEach(i -> limiter.allow("link", PROXY));
        assertThat(limiter.allow("link", PROXY)).isFalse();
        clock.advance(Duration.ofSeconds(60));
        assertThat(limiter.allow("link", PROXY)).isTrue();
    }
}
