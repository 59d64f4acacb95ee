/**
 * HL7 v2 over MLLP: hospital systems send orders ({@code ORM^O01}, {@code OMG^O19}) that become referrals
 * through {@code Referrals.submit} with the form's validation, and demographics updates ({@code ADT^A08})
 * applied through {@code Patients}; each is acknowledged only after it is committed. When a procedure is
 * signed ({@code ProcedureCompleted}) its report goes out as {@code ORU^R01}, queued and retried until the
 * receiver accepts it. Owns {@code hl7_inbound_message} and {@code hl7_outbound_message}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "HL7 v2 interface")
package org.synovia.hl7;
