package org.synovia.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a façade read that writes no audit line itself, so that a page reading many things about one or many
 * patients writes one line per patient for the whole request rather than one per internal call (issue 16, ADR 0115).
 * Its name ends in {@code AuditedByCaller}, it requires the caller's transaction, and the caller records the line with
 * {@link AuditTrail#recordPerPatient} in that transaction; a test holds every caller to this.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedByCaller {
}
