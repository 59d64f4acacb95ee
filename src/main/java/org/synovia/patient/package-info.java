/**
 * Patients: identity (NHS number with its check digit, or a local hospital number), demographics,
 * contact details and GP. Owns the {@code patient} table. One NHS number is one patient; the same
 * name and date of birth is reported as a possible duplicate. Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patients")
package org.synovia.patient;
