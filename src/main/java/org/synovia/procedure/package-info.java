/**
 * Procedure: the day of the injection. Lists each room's and operator's patients with the accepted protocol and
 * the safety engine's alerts at the booked start; checks patients in against two identifiers (NatSSIPs NS-03);
 * runs the NatSSIPs checklist with the hospital's own checks; takes consent (or records its refusal, which stops
 * the visit); keeps the procedure record, its timed pain scores and addenda, final once signed; stores and sends
 * the report and each amended report. Owns the {@code procedure_*}, {@code checklist_*} and {@code consent*}
 * tables. Reads bookings, referrals, patients and the accepted protocol through their façades; publishes
 * {@link org.synovia.procedure.ProcedureCompleted} on signing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedure")
package org.synovia.procedure;
