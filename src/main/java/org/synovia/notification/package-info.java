/**
 * Messages to people outside the system: emails to referrers (vetting outcomes, questions), appointment
 * letters (PDF), booking links, cancellations and reminders to patients. Owns {@code outbound_email} and
 * {@code reminder} and {@code notification_handled_event} (each event handled once); every message is stored in
 * the deciding transaction and sent after it commits through the {@link org.synovia.notification.MessageSender},
 * under a lease, and retried until delivered (ADR 0026). Listens to {@code ReferralStatusChanged}, {@code AppointmentBooked},
 * {@code AppointmentCancelled} and {@code BookingInvited}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.synovia.notification;
