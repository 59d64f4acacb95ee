/**
 * Where the data lives. By default Synovia starts its own PostgreSQL (embedded binaries, data kept
 * under {@code ./data}), watches it and starts it again if it dies, and backs it up each night;
 * setting {@code spring.datasource.url} switches to an external server. {@link org.synovia.database.DatabaseAvailability}
 * tells other modules, without waiting, whether the database can take work. Owns no clinical data;
 * publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.synovia.database;
