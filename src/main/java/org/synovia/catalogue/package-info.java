/**
 * The catalogue of what the service injects: sites with their usual and alternative guidance,
 * laterality, joint size and bleeding-risk class, and SNOMED CT codes where known. Read-mostly,
 * seeded by migration. Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package org.synovia.catalogue;
