/**
 * Planning: fills the coming weeks' open slots from the waiting list with an optimiser, for booking staff to
 * accept. It reads slots and waiting patients through the other modules' façades and books only through
 * {@code Bookings.book}, when a person accepts.
 * Owns no table: runs and their proposals live in memory ({@code Plans}, ADR 0058). Publishes and listens to no
 * event; it answers booking's {@code FreedSlotChooser} for slots freed by cancellations (ADR 0059).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning")
package org.synovia.planning;
