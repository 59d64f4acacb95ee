/**
 * Scheduling: the service's capacity. Rooms with their guidance equipment, operators with their
 * competencies (guidance and, optionally, sites), weekly session templates, exceptions (operator leave,
 * room closed) and the slots materialised from them for the booking horizon. Owns {@code room},
 * {@code operator}, {@code session_template}, {@code session_exception} and {@code slot}. Publishes no
 * events; booking asks {@link org.synovia.scheduling.Sessions} for open slots.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
package org.synovia.scheduling;
