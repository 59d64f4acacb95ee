package org.synovia.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationDays a patient's link to choose their own slot works for this many days
 * @param offerFreedSlots whether a slot freed by a cancellation is offered by email to the most overdue
 *        waiting patient it suits (the clerk's freed-slot list shows it either way)
 * @param offerHours how long such an offer stands; slots starting sooner than this are not offered
 */
@ConfigurationProperties("synovia.booking")
public record BookingProperties(@DefaultValue("14") int invitationDays, @DefaultValue("false") boolean offerFreedSlots,
        @DefaultValue("24") int offerHours) {

    public BookingProperties {
        if (offerHours < 1 || offerHours > 168) {
            throw new IllegalArgumentException("synovia.booking.offer-hours must be between 1 and 168");
        }
        if (invitationDays < 1 || invitationDays > 90) {
            throw new IllegalArgumentException("synovia.booking.invitation-days must be between 1 and 90");
        }
    }
}
