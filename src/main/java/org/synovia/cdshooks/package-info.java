/**
 * CDS Hooks: a service that an electronic patient record calls when a clinician selects or signs an order
 * for an image-guided injection ({@code order-select}, {@code order-sign}). The draft {@code ServiceRequest}
 * and the prefetched patient, medicines, conditions, allergies and results are read into the safety
 * engine's input; each finding comes back as a card with its source and the medication plan, so that the
 * advice reaches the referrer inside their own system. Stores no clinical data, only the ids of the signed JWTs
 * already accepted from trusted CDS clients ({@code cds_hooks_jwt_id}, against replay); each call is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CDS Hooks")
package org.synovia.cdshooks;
