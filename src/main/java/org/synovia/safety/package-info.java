/**
 * Clinical safety: checks a planned injection against the patient's facts and the guidelines in
 * {@code docs/clinical-safety/sources.md} (bleeding risk, antithrombotic holds, infection, allergy, pregnancy,
 * repeat interval, doses, diabetes) and returns findings, a medication plan and patient instructions.
 * Pure functions called directly through {@link org.synovia.safety.SafetyChecks}; owns no tables,
 * publishes and consumes no events. Local-policy choices are bound from {@code synovia.safety.policy}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinical safety")
package org.synovia.safety;
