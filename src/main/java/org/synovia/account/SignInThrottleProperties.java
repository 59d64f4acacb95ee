package org.synovia.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many refused sign-ins are tolerated before a name or a client address is turned away for a while (ADR 0052).
 *
 * @param accountFailures refused sign-ins for one username within {@code window} that lock that username
 * @param addressFailures refused sign-ins from one client address within {@code window} that lock that address
 * @param window the period over which refusals are counted
 * @param lockout how long a locked username or address is refused, even with the right password
 * @param maxTracked the most usernames and addresses remembered at once (the oldest are forgotten first)
 */
@ConfigurationProperties("synovia.account.sign-in")
record SignInThrottleProperties(@DefaultValue("5") int accountFailures, @DefaultValue("20") int addressFailures,
        @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockout, @DefaultValue("10000") int maxTracked) {

    SignInThrottleProperties {
        if (accountFailures < 1 || addressFailures < 1 || maxTracked < 1 || window.isNegative() || window.isZero()
                || lockout.isNegative()) {
            throw new IllegalArgumentException("synovia.account.sign-in: failures and max-tracked must be at least 1, "
                    + "window positive and lockout not negative");
        }
    }
}
