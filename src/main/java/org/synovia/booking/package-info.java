/**
 * Booking: offers a waiting patient the earliest suitable slots, books (one-stop visits as a linked pair),
 * reschedules, cancels and marks did-not-attend, re-checking the safety engine at the real start time; lists
 * freed slots; lets patients cancel or choose a slot through a secret link. Owns {@code appointment} (whose
 * exclusion constraints make double booking impossible), {@code appointment_change} and
 * {@code booking_invitation}. Moves the referral (WAITING ↔ BOOKED) and the waiting-list entry in the same
 * transaction. Publishes {@link org.synovia.booking.AppointmentBooked}, {@link org.synovia.booking.AppointmentCancelled}
 * and {@link org.synovia.booking.BookingInvited}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Booking")
package org.synovia.booking;
