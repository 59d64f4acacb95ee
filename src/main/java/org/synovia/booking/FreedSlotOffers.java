package org.synovia.booking;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** After a cancellation, offers the freed slot by email to the next suitable patient, when switched on. */
@Component
class FreedSlotOffers {
    private final FreedSlots freedSlots;
    private final BookingProperties properties;

    FreedSlotOffers(FreedSlots freedSlots, BookingProperties properties) {
        this.freedSlots = freedSlots;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled event) {
        if (properties.offerFreedSlots() && event.status() == AppointmentStatus.CANCELLED) {
            freedSlots.offerFreedSlot(event);
        }
    }
}
