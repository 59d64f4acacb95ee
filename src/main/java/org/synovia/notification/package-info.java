/**
 * Messages to people outside the system: emails to referrers (vetting outcomes, questions), appointment
 * letters (PDF), booking links, cancellations and reminders to patients, by email, text (SMS) or a printed letter
 * in the print queue, as the patient prefers (ADR 0075–0078). Owns {@code outbound_email} (every channel),
 * {@code print_batch}, {@code contact_preference}, {@code reminder} and {@code notification_handled_event} (each
 * event handled once); every message is stored in the deciding transaction and sent after it commits through the
 * {@link org.synovia.notification.MessageSender} or {@link org.synovia.notification.TextMessageSender}, under a
 * lease, and retried until delivered (ADR 0026). Listens to {@code ReferralStatusChanged}, {@code AppointmentBooked},
 * {@code AppointmentCancelled} and {@code BookingInvited}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.synovia.notification;
