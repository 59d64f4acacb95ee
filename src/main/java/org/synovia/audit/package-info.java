/**
 * The audit trail: who read or wrote which patient's data, in which role, when and from where.
 * Owns the append-only {@code audit_event} table (a database trigger refuses updates and deletes).
 * Other modules call {@link org.synovia.audit.AuditTrail} in the same transaction as the access.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.synovia.audit;
