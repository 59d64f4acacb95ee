/**
 * Clinical safety: checks a planned injection against the patient's facts and the guidelines in
 * {@code docs/clinical-safety/sources.md} (bleeding risk, antithrombotic holds, infection, allergy, pregnancy,
 * repeat interval, doses, diabetes) and returns findings, a medication plan and patient instructions.
 * Pure functions called directly through {@link org.synovia.safety.SafetyChecks}. Owns one table,
 * {@code safety_override}: clinicians' overrides of STOPs (by the role and grade of
 * {@code synovia.safety.stop-override}) and justifications of soft stops, through
 * {@link org.synovia.safety.SafetyOverrides}. Publishes and consumes no events. Local-policy choices are
 * bound from {@code synovia.safety.policy}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinical safety")
package org.synovia.safety;
