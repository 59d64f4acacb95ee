/**
 * Booking: offers a waiting patient the earliest suitable slots, books, reschedules, cancels and marks
 * did-not-attend, re-checking the safety engine at the real start time. Owns {@code appointment} (whose
 * exclusion constraints make double booking impossible) and {@code appointment_change}. Moves the referral
 * (WAITING ↔ BOOKED) and the waiting-list entry in the same transaction. Publishes
 * {@link org.synovia.booking.AppointmentBooked} and {@link org.synovia.booking.AppointmentCancelled}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Booking")
package org.synovia.booking;
