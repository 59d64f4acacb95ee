package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.synovia.testing.FixedStartClock;
import org.synovia.testing.TestClock;

class SignInThrottleTests {

    private final TestClock clock = TestClock.at(FixedStartClock.START);
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottleProperties(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15), 10_000), clock);

    @Test
    void locksAUsernameAtTheFifthFailureWithinFifteenMinutesForFifteenMinutes() {
        failTimes(4, "dr.patel", "10.0.0.1");
        assertThat(throttle.refuses("dr.patel", "10.0.0.1")).isFalse();
        failTimes(1, "dr.patel", "10.0.0.2");
        assertThat(throttle.refuses("Dr.Patel ", "10.0.0.3")).isTrue();
        assertThat(throttle.refuses("dr.jones", "10.0.0.3")).isFalse();

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(throttle.refuses("dr.patel", "10.0.0.3")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.refuses("dr.patel", "10.0.0.3")).isFalse();
    }

    @Test
    void forgetsFailuresOlderThanTheWindow() {
        failTimes(4, "dr.patel", "10.0.0.1");
        clock.advance(Duration.ofMinutes(15));
        failTimes(4, "dr.patel", "10.0.0.1");
        assertThat(throttle.refuses("dr.patel", "10.0.0.1")).isFalse();
    }

    @Test
    void clearsAUsernameOnARightPasswordButNotItsAddress() {
        failTimes(4, "dr.patel", "10.0.0.1");
        throttle.succeeded("dr.patel");
        failTimes(4, "dr.patel", "10.0.0.1");
        assertThat(throttle.refuses("dr.patel", "10.0.0.9")).isFalse();
    }

    @Test
    void locksAnAddressAtTheTwentiethFailureWhateverTheNames() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("name" + i, "10.0.0.7");
        }
        assertThat(throttle.refuses("someone", "10.0.0.7")).isFalse();
        throttle.failed("name19", "10.0.0.7");
        assertThat(throttle.refuses("someone", "10.0.0.7")).isTrue();
        assertThat(throttle.refuses("someone", "10.0.0.8")).isFalse();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.refuses("someone", "10.0.0.7")).isFalse();
    }

    @Test
    void remembersAtMostTheConfiguredNumberOfNamesAndAddresses() {
        SignInThrottle small = new SignInThrottle(
                new SignInThrottleProperties(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15), 100), clock);
        for (int i = 0; i < 1_000; i++) {
            small.failed("made.up." + i, "10.1." + i / 250 + "." + i % 250);
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(small.tracked()).isLessThanOrEqualTo(200);
    }

    private void failTimes(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }
}
