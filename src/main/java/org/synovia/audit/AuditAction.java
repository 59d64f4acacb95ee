package org.synovia.audit;

/** What was done to a record, or tried. */
public enum AuditAction {
    READ, LIST, SEARCH, CREATE, UPDATE, EXPORT,
    /** A person signed in. */
    SIGN_IN,
    /** A sign-in or an API call's credentials were refused. */
    SIGN_IN_REFUSED,
    /** A signed-in person asked for a page or action their role does not allow (HTTP 403). */
    ACCESS_REFUSED
}
