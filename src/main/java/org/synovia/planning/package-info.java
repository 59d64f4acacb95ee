/**
 * Planning: fills the coming weeks' open slots from the waiting list with an optimiser, for booking staff to
 * accept. It reads slots and waiting patients through the other modules' façades and books only through
 * {@code Bookings.book}, when a person accepts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning")
package org.synovia.planning;
