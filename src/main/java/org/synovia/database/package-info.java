/**
 * Where the data lives. By default Synovia starts its own PostgreSQL (embedded binaries, data kept
 * under {@code ./data}), with passwords and three roles (superuser, schema owner, application; ADR 0048),
 * watches it and starts it again if it dies, and backs it up each night; setting {@code spring.datasource.url}
 * switches to an external server. Either way the application's login is checked at start and refused if it could
 * undo the database's guards. {@link org.synovia.database.DatabaseAvailability} tells other modules, without
 * waiting, whether the database can take work. Owns no clinical data; publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.synovia.database;
