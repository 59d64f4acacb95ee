package org.synovia.audit;

/** What was done to a record. */
public enum AuditAction {
    READ, LIST, SEARCH, CREATE, UPDATE, EXPORT
}
