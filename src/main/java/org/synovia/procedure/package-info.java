/**
 * Procedure: the day of the injection, through five façades (ADR 0096): {@link org.synovia.procedure.Visits},
 * {@link org.synovia.procedure.Checklists}, {@link org.synovia.procedure.Consents},
 * {@link org.synovia.procedure.ProcedureRecords} and {@link org.synovia.procedure.ProcedureReports}. Other modules
 * read only {@code ProcedureRecords.signedRecordForSystem/record/painResponse/reliefThresholds} and
 * {@code ProcedureReports.signedReport/reportPdf/reportVersions/reportPdfForReferrer}; the demo day writes through
 * all five as the team does. Lists each room's and operator's patients with the accepted protocol and the safety
 * engine's alerts at the booked start; checks patients in against two identifiers (NatSSIPs NS-03);
 * runs the NatSSIPs checklist with the hospital's own checks; takes consent (or records its refusal, which stops
 * the visit); records the day's observations as values and asks the safety engine again at sign-in and at
 * time-out with the drugs about to be given, holding the next step until a radiologist decides each STOP or review
 * (ADR 0033, 0043); starts the urgent pathway for a suspected septic joint and tells a surgeon of a joint
 * replacement planned too soon, from vetting or the day (ADR 0034, 0044); keeps the
 * procedure record, its timed pain scores and addenda, final once signed; stores and sends the report and each
 * amended report. Owns the {@code procedure_*}, {@code checklist_*}, {@code consent*}, {@code day_safety_*},
 * {@code urgent_pathway} and {@code surgeon_notice} tables. Reads bookings, referrals, patients and the accepted
 * protocol through their façades; publishes {@link org.synovia.procedure.ProcedureCompleted} on signing; listens
 * to {@link org.synovia.vetting.JointReplacementTooCloseFound}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedure")
package org.synovia.procedure;
