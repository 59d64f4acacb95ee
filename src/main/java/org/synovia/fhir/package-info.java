/**
 * The FHIR R4 API for hospital systems at {@code /fhir}: patients, referrals as ServiceRequest (created
 * through the referral form's own rules, once per request identifier), appointments, slots, schedules and
 * the signed procedure with its drugs, observations and report. Owns the API clients ({@code api_client},
 * SMART-style scopes, hashed secrets, registered public key sets), the SMART Backend Services token endpoint's
 * used assertion ids and hashed access tokens ({@code api_client_assertion}, {@code api_access_token}) and the
 * ordering systems' request identifiers ({@code fhir_request_identifier}). Enters other modules only through their façades; publishes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR API")
package org.synovia.fhir;
