/**
 * The catalogue of what the service injects: sites with their usual and alternative guidance,
 * laterality, joint size and bleeding-risk class, and SNOMED CT codes where known. Read-mostly,
 * seeded by migration. Also the price list for private patients ({@code procedure_price}, ADR 0073).
 * Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package org.synovia.catalogue;
