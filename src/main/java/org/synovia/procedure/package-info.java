/**
 * Procedure: the day of the injection. Lists each room's and operator's patients for a day with the
 * accepted protocol and the safety engine's alerts at the booked start, and checks patients in against
 * two identifiers (NatSSIPs NS-03). Owns {@code procedure_visit}. Reads bookings, referrals, patients and
 * the accepted protocol through their façades; publishes nothing yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedure")
package org.synovia.procedure;
