package org.synovia.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.shared.OwnerOnlyFiles;
import org.synovia.shared.Secrets;

/**
 * Whether the audit trail is as it was written (ADR 0049). The database links every committed row into a hash
 * chain; this walks it ({@code audit_chain_verify()}), and signs checkpoints of its head with an HMAC-SHA256 key
 * kept outside the database, so that someone who can write to the database cannot rebuild the chain unnoticed.
 * Administrators see it on {@code /admin/audit/integrity}; operators run {@code --verify-audit}.
 */
@Service
public class AuditIntegrity {

    private static final Logger log = LoggerFactory.getLogger(AuditIntegrity.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AuditProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** One snapshot, read only: the audit line of the check goes in a transaction of its own after it. */
    private final TransactionTemplate walk;

    AuditIntegrity(JdbcClient jdbc, AuditTrail audit, AuditProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.walk = new TransactionTemplate(transactionManager);
        walk.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        walk.setReadOnly(true);
    }

    /**
     * Walks the whole chain and checks every checkpoint against it, in one snapshot so that rows committed
     * meanwhile are neither half seen nor reported as missing. The check itself is audited.
     */
    public AuditIntegrityReport check() {
        AuditIntegrityReport report = walk.execute(status -> walk());
        transactions.executeWithoutResult(status -> audit.record(AuditAction.READ, "AuditIntegrity", null, null, report.intact()
                ? "audit chain checked: " + report.links() + " links intact"
                : "audit chain checked: " + report.problems().size() + " problems, first: " + report.firstProblem()));
        if (!report.intact()) {
            log.error("AUDIT TRAIL ALTERED: {} problems in the hash chain, the first: {}", report.problems().size(),
                    report.firstProblem());
        }
        return report;
    }

    private AuditIntegrityReport walk() {
        List<AuditIntegrityReport.Problem> problems = new ArrayList<>(jdbc.sql("select * from audit_chain_verify()")
                .query((rs, n) -> new AuditIntegrityReport.Problem(rs.getObject("link_number", Long.class),
                        rs.getObject("event_id", Long.class), rs.getString("problem")))
                .list());
        long links = jdbc.sql("select link_number from audit_chain_head").query(Long.class).single();
        List<Map<String, Object>> checkpoints = jdbc.sql("""
                select k.id, k.taken_at, k.link_number, k.hash, k.signature, c.hash as chain_hash
                from audit_checkpoint k left join audit_chain c on c.link_number = k.link_number order by k.id
                """).query().listOfRows();
        byte[] key = checkpoints.isEmpty() ? null : key();
        for (Map<String, Object> checkpoint : checkpoints) {
            long position = ((Number) checkpoint.get("link_number")).longValue();
            byte[] hash = (byte[]) checkpoint.get("hash");
            Instant takenAt = ((Timestamp) checkpoint.get("taken_at")).toInstant();
            if (!MessageDigest.isEqual(sign(key, takenAt, position, hash), (byte[]) checkpoint.get("signature"))) {
                problems.add(new AuditIntegrityReport.Problem(position, null,
                        "checkpoint " + checkpoint.get("id") + " signature does not match"));
            } else if (position > 0 && !MessageDigest.isEqual(hash, (byte[]) checkpoint.get("chain_hash"))) {
                problems.add(new AuditIntegrityReport.Problem(position, null,
                        "chain rewritten since checkpoint " + checkpoint.get("id")));
            }
        }
        return new AuditIntegrityReport(clock.instant(), links, checkpoints.size(), problems);
    }

    /** Signs the chain's head as it is now and stores the checkpoint. */
    @Transactional
    public Checkpoint takeCheckpoint() {
        Map<String, Object> head = jdbc.sql("select link_number, hash from audit_chain_head").query().singleRow();
        Instant takenAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long position = ((Number) head.get("link_number")).longValue();
        byte[] hash = (byte[]) head.get("hash");
        byte[] signature = sign(key(), takenAt, position, hash);
        long id = jdbc.sql("insert into audit_checkpoint (taken_at, link_number, hash, signature) values (?, ?, ?, ?) returning id")
                .params(Timestamp.from(takenAt), position, hash, signature).query(Long.class).single();
        audit.record(AuditAction.CREATE, "AuditCheckpoint", id, null, "audit chain checkpoint at link " + position);
        return new Checkpoint(id, takenAt, position, HexFormat.of().formatHex(hash), HexFormat.of().formatHex(signature));
    }

    @Scheduled(cron = "${synovia.audit.checkpoint-cron:0 0 * * * *}", zone = "${synovia.time-zone:Europe/London}")
    void scheduledCheckpoint() {
        try {
            takeCheckpoint();
        } catch (RuntimeException e) {
            log.error("The audit chain checkpoint could not be taken", e);
        }
    }

    /**
     * Every checkpoint as lines of text, to be kept away from this machine: a copy elsewhere still shows a
     * rewritten chain even to someone who holds the key. The export is audited.
     */
    @Transactional
    public String exportCheckpoints() {
        List<Checkpoint> checkpoints = jdbc.sql("select id, taken_at, link_number, hash, signature from audit_checkpoint order by id")
                .query((rs, n) -> new Checkpoint(rs.getLong("id"), rs.getTimestamp("taken_at").toInstant(), rs.getLong("link_number"),
                        HexFormat.of().formatHex(rs.getBytes("hash")), HexFormat.of().formatHex(rs.getBytes("signature"))))
                .list();
        audit.record(AuditAction.EXPORT, "AuditCheckpoint", null, null, checkpoints.size() + " checkpoints exported");
        StringBuilder text = new StringBuilder("# Synovia audit chain checkpoints: id, taken at (UTC), links, head hash (SHA-256), "
                + "HMAC-SHA256 signature\n");
        checkpoints.forEach(c -> text.append(c.id()).append(' ').append(c.takenAt()).append(' ').append(c.position()).append(' ')
                .append(c.hash()).append(' ').append(c.signature()).append('\n'));
        return text.toString();
    }

    /** HMAC-SHA256 over "time|links|hash". */
    private static byte[] sign(byte[] key, Instant takenAt, long position, byte[] hash) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal((takenAt.truncatedTo(ChronoUnit.MICROS) + "|" + position + "|" + HexFormat.of().formatHex(hash))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
        }
    }

    /** The key from its owner-only file, made at the first checkpoint. */
    private byte[] key() {
        return Base64.getDecoder().decode(OwnerOnlyFiles.readOrCreate(properties.checkpointKeyFile(),
                () -> Base64.getEncoder().encodeToString(Secrets.randomBytes(KEY_BYTES))).strip());
    }

    /** A signed checkpoint: the chain had {@code position} links with head {@code hash} at {@code takenAt}. */
    public record Checkpoint(long id, Instant takenAt, long position, String hash, String signature) {
    }
}
