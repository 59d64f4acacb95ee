/**
 * Messages to people outside the system: emails to referrers (vetting outcomes, questions), appointment
 * letters (PDF), booking links, cancellations and reminders to patients. Owns {@code outbound_email} and
 * {@code reminder}; every message is stored before it is sent through the {@link org.synovia.notification.MessageSender}
 * and retried until delivered. Listens to {@code ReferralStatusChanged}, {@code AppointmentBooked},
 * {@code AppointmentCancelled} and {@code BookingInvited}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.synovia.notification;
