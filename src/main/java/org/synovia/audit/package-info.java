/**
 * The audit trail: who read or wrote which patient's data, who signed in or was refused, and every change to an
 * account, in which role, when and from where. Owns the append-only {@code audit_event} table (the application's
 * database role may only insert and read it; a trigger refuses updates and deletes even to the owner) and its hash
 * chain ({@code audit_chain}, {@code audit_chain_head}, signed {@code audit_checkpoint}s; ADR 0049, 0088; an
 * insert's rows linked when it ends in one link naming them, the head held to the commit, ADR 0112, 0117), checked by
 * {@link org.synovia.audit.AuditIntegrity}. Other modules call {@link org.synovia.audit.AuditTrail} in the same
 * transaction as the access. Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.synovia.audit;
