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
 * @param chains how many hash chains the trail is linked in (ADR 0088): commits that audit something run side by side
 *        up to this many at once; 1 to 64, only ever raised (chains already used stay and are still walked)
 */
@ConfigurationProperties("synovia.audit")
public record AuditProperties(
        @DefaultValue("./data/postgres/synovia-audit-checkpoint.key") Path checkpointKeyFile,
        @DefaultValue("0 0 * * * *") String checkpointCron,
        @DefaultValue("8") int chains) {

    /** The limit the database's {@code audit_chain_head} also enforces. */
    static final int MAX_CHAINS = 64;

    public AuditProperties {
        if (chains < 1 || chains > MAX_CHAINS) {
            throw new IllegalArgumentException("synovia.audit.chains must be 1 to " + MAX_CHAINS + ", not " + chains);
        }
    }
}
