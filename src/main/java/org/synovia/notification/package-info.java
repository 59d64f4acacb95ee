/**
 * Messages to people outside the system: emails to referrers (vetting outcomes, questions), later
 * letters and reminders to patients. Owns {@code outbound_email}; every message is stored before it is
 * sent and retried until delivered. Listens to {@code ReferralStatusChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.synovia.notification;
