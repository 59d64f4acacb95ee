/**
 * Booking: offers a waiting patient the earliest suitable slots ({@link org.synovia.booking.SlotFinder}), books (one-stop
 * visits as a linked pair), reschedules, cancels and marks did-not-attend ({@link org.synovia.booking.BookingDesk}),
 * re-checking the safety engine at the real start time; lets patients choose, change or cancel through a secret link
 * ({@link org.synovia.booking.BookingInvitations}, {@link org.synovia.booking.PatientLinks}); lists and offers freed
 * slots ({@link org.synovia.booking.FreedSlots}); shows the desk its week and lists ({@link org.synovia.booking.DeskCalendar});
 * tells other modules what is booked ({@link org.synovia.booking.Bookings}). Owns {@code appointment} (whose exclusion
 * constraints make double booking impossible), {@code appointment_change} and {@code booking_invitation}. Moves the
 * referral (WAITING ↔ BOOKED) and the waiting-list entry in the same transaction. Publishes
 * {@link org.synovia.booking.AppointmentBooked}, {@link org.synovia.booking.AppointmentCancelled} and
 * {@link org.synovia.booking.BookingInvited}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Booking")
package org.synovia.booking;
