package org.synovia.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationDays a patient's link to choose their own slot works for this many days
 */
@ConfigurationProperties("synovia.booking")
public record BookingProperties(@DefaultValue("14") int invitationDays) {

    public BookingProperties {
        if (invitationDays < 1 || invitationDays > 90) {
            throw new IllegalArgumentException("synovia.booking.invitation-days must be between 1 and 90");
        }
    }
}
