package org.synovia.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled backups of the embedded PostgreSQL (ADR 0028). Ignored with an external database, whose own
 * backups and WAL archive are the operator's (docs/reliability.md).
 *
 * @param enabled take backups on the schedule
 * @param directory where each backup is written, one folder per backup
 * @param cron when (Spring cron, six fields, in {@code synovia.time-zone})
 * @param keep how many of the newest backups to keep; older ones are deleted after each new one
 */
@ConfigurationProperties("synovia.database.backup")
public record BackupProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data/backups") Path directory,
        @DefaultValue("0 30 1 * * *") String cron,
        @DefaultValue("7") int keep) {

    public BackupProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("synovia.database.backup.keep must be at least 1, was " + keep);
        }
    }
}
