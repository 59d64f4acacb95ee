package org.synovia.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the code from a printed booking invitation may be tried (HAZ-112): a code is short enough to type, so
 * wrong codes are counted per client address and in all, and refused for the rest of the window once too many.
 *
 * @param wrongPerAddress wrong codes one address may type in a window
 * @param wrongInAll wrong codes all addresses together may type in a window (someone trying from many addresses)
 * @param window how long wrong codes are counted
 */
@ConfigurationProperties("synovia.booking.code")
public record BookingCodeProperties(@DefaultValue("5") int wrongPerAddress, @DefaultValue("200") int wrongInAll,
        @DefaultValue("PT15M") Duration window) {

    public BookingCodeProperties {
        if (wrongPerAddress < 1 || wrongInAll < wrongPerAddress || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("synovia.booking.code: counts must be positive, in all at least per address,"
                    + " and the window positive");
        }
    }
}
