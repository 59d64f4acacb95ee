package org.synovia.audit;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checkpoints of the audit trail's hash chain (ADR 0049).
 *
 * @param checkpointKeyFile the HMAC key that signs checkpoints, generated at the first checkpoint and readable by
 *        the application's user only (0600); by default beside the embedded database's passwords
 * @param checkpointCron when a signed checkpoint is taken (Spring cron, six fields, in {@code synovia.time-zone})
 */
@ConfigurationProperties("synovia.audit")
public record AuditProperties(
        @DefaultValue("./data/postgres/synovia-audit-checkpoint.key") Path checkpointKeyFile,
        @DefaultValue("0 0 * * * *") String checkpointCron) {
}
