/**
 * Where the data lives. By default Synovia starts its own PostgreSQL (embedded binaries, data kept
 * under {@code ./data}); setting {@code spring.datasource.url} switches to an external server.
 * Owns no clinical data; publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.synovia.database;
