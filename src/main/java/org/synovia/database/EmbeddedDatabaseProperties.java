package org.synovia.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used only when no {@code spring.datasource.url} is given.
 *
 * @param dataDirectory where the cluster's files live; kept between runs
 * @param port TCP port on loopback; 0 picks a free one at the first start (a restart keeps it)
 * @param cleanOnStart wipe the data directory at the first start in this JVM (tests only)
 * @param checkInterval how often the supervisor checks that the server is alive, and starts it again if not;
 *        zero turns supervision off
 * @param availabilityMaxAge how long a live postmaster, once seen, answers "available" without looking again (the
 *        HL7 listener asks before every message); zero looks every time. A dead one is never remembered
 */
@ConfigurationProperties("synovia.database.embedded")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean cleanOnStart,
        @DefaultValue("500ms") Duration checkInterval,
        @DefaultValue("250ms") Duration availabilityMaxAge) {
}
