package org.synovia.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.SQLException;
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
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
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
 * Whether the audit trail is as it was written (ADR 0049). The database links every committed row into one of
 * {@code synovia.audit.chains} hash chains (ADR 0088), one link per transaction naming its rows (ADR 0112); this walks
 * them all ({@code audit_chain_verify()}), reporting the first broken link of each and the rows it covers, and signs checkpoints of their heads with an HMAC-SHA256 key
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
     * Walks every chain and checks every checkpoint against it, in one snapshot so that rows committed
     * meanwhile are neither half seen nor reported as missing. The check itself is audited.
     */
    public AuditIntegrityReport check() {
        AuditIntegrityReport report = walk.execute(status -> walk());
        transactions.executeWithoutResult(status -> audit.record(AuditAction.READ, "AuditIntegrity", null, null, report.intact()
                ? "audit chains checked: " + report.links() + " links in " + report.chains() + " chains intact"
                : "audit chains checked: " + report.problems().size() + " problems, first per chain: "
                        + report.firstProblemPerChain()));
        if (!report.intact()) {
            log.error("AUDIT TRAIL ALTERED: {} problems in the hash chains, the first of each: {}", report.problems().size(),
                    report.firstProblemPerChain());
        }
        return report;
    }

    private AuditIntegrityReport walk() {
        List<AuditIntegrityReport.Problem> problems = new ArrayList<>(jdbc.sql("select * from audit_chain_verify()")
                .query((rs, n) -> new AuditIntegrityReport.Problem(rs.getObject("chain", Integer.class),
                        rs.getObject("link_number", Long.class), rs.getObject("event_id", Long.class), rs.getString("problem"),
                        linkRows(rs.getArray("event_ids"))))
                .list());
        Map<String, Object> heads = jdbc.sql("select count(*) as chains, coalesce(sum(link_number), 0) as links from audit_chain_head")
                .query().singleRow();
        List<Map<String, Object>> checkpoints = jdbc.sql("""
                select k.id, k.taken_at, k.chain, k.link_number, k.hash, k.signature, c.hash as chain_hash
                from audit_checkpoint k left join audit_chain c on c.chain = k.chain and c.link_number = k.link_number
                order by k.id
                """).query().listOfRows();
        byte[] key = checkpoints.isEmpty() ? null : key();
        for (Map<String, Object> checkpoint : checkpoints) {
            int chain = ((Number) checkpoint.get("chain")).intValue();
            long position = ((Number) checkpoint.get("link_number")).longValue();
            byte[] hash = (byte[]) checkpoint.get("hash");
            Instant takenAt = ((Timestamp) checkpoint.get("taken_at")).toInstant();
            if (!MessageDigest.isEqual(sign(key, takenAt, chain, position, hash), (byte[]) checkpoint.get("signature"))) {
                problems.add(new AuditIntegrityReport.Problem(chain, position, null,
                        "checkpoint " + checkpoint.get("id") + " signature does not match"));
            } else if (position > 0 && !MessageDigest.isEqual(hash, (byte[]) checkpoint.get("chain_hash"))) {
                problems.add(new AuditIntegrityReport.Problem(chain, position, null,
                        "chain rewritten since checkpoint " + checkpoint.get("id")));
            }
        }
        return new AuditIntegrityReport(clock.instant(), ((Number) heads.get("chains")).intValue(),
                ((Number) heads.get("links")).longValue(), checkpoints.size(), problems);
    }

    private static List<Long> linkRows(Array rows) throws SQLException {
        return rows == null ? List.of() : List.of((Long[]) rows.getArray());
    }

    /** Signs every chain's head as it is now, one checkpoint per chain at one instant, and stores them. */
    @Transactional
    public List<Checkpoint> takeCheckpoint() {
        Instant takenAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] key = key();
        List<Checkpoint> taken = new ArrayList<>();
        for (Map<String, Object> head : jdbc.sql("select chain, link_number, hash from audit_chain_head order by chain")
                .query().listOfRows()) {
            int chain = ((Number) head.get("chain")).intValue();
            long position = ((Number) head.get("link_number")).longValue();
            byte[] hash = (byte[]) head.get("hash");
            byte[] signature = sign(key, takenAt, chain, position, hash);
            long id = jdbc.sql("""
                    insert into audit_checkpoint (taken_at, chain, link_number, hash, signature) values (?, ?, ?, ?, ?) returning id
                    """).params(Timestamp.from(takenAt), chain, position, hash, signature).query(Long.class).single();
            taken.add(new Checkpoint(id, takenAt, chain, position, HexFormat.of().formatHex(hash),
                    HexFormat.of().formatHex(signature)));
        }
        audit.record(AuditAction.CREATE, "AuditCheckpoint", taken.getFirst().id(), null, "audit chain checkpoints "
                + taken.getFirst().id() + "–" + taken.getLast().id() + " of " + taken.size() + " chains, "
                + taken.stream().mapToLong(Checkpoint::position).sum() + " links");
        return taken;
    }

    @Scheduled(cron = "${synovia.audit.checkpoint-cron:0 0 * * * *}", zone = "${synovia.time-zone:Europe/London}")
    void scheduledCheckpoint() {
        try {
            // Through the template: a call to this bean's own @Transactional method does not pass its proxy, and
            // the checkpoints' audit line needs the transaction they are stored in.
            transactions.executeWithoutResult(status -> takeCheckpoint());
        } catch (RuntimeException e) {
            log.error("The audit chain checkpoint could not be taken", e);
        }
    }

    /**
     * Adds chains up to {@code synovia.audit.chains} before any request is served (the migration made eight); the
     * database never removes one.
     */
    @EventListener(ApplicationStartedEvent.class)
    void widenChains() {
        int chains = jdbc.sql("select audit_chain_widen(?)").param(properties.chains()).query(Integer.class).single();
        if (chains > properties.chains()) {
            log.info("The audit trail has {} hash chains, more than synovia.audit.chains = {}: chains are never removed",
                    chains, properties.chains());
        }
    }

    /**
     * Every checkpoint as lines of text, to be kept away from this machine: a copy elsewhere still shows a
     * rewritten chain even to someone who holds the key. The export is audited.
     */
    @Transactional
    public String exportCheckpoints() {
        List<Checkpoint> checkpoints = jdbc.sql("select id, taken_at, chain, link_number, hash, signature from audit_checkpoint order by id")
                .query((rs, n) -> new Checkpoint(rs.getLong("id"), rs.getTimestamp("taken_at").toInstant(), rs.getInt("chain"),
                        rs.getLong("link_number"), HexFormat.of().formatHex(rs.getBytes("hash")),
                        HexFormat.of().formatHex(rs.getBytes("signature"))))
                .list();
        audit.record(AuditAction.EXPORT, "AuditCheckpoint", null, null, checkpoints.size() + " checkpoints exported");
        StringBuilder text = new StringBuilder("# Synovia audit chain checkpoints: id, taken at (UTC), chain, links in the chain, "
                + "head hash (SHA-256), HMAC-SHA256 signature\n");
        checkpoints.forEach(c -> text.append(c.id()).append(' ').append(c.takenAt()).append(' ').append(c.chain()).append(' ')
                .append(c.position()).append(' ').append(c.hash()).append(' ').append(c.signature()).append('\n'));
        return text.toString();
    }

    /**
     * HMAC-SHA256 over "time|links|hash" for chain 0, as before there were several chains (ADR 0049), so that older
     * checkpoints still verify, and over "time|chain|links|hash" for every other chain, so that a checkpoint moved to
     * another chain no longer matches.
     */
    private static byte[] sign(byte[] key, Instant takenAt, int chain, long position, byte[] hash) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal((takenAt.truncatedTo(ChronoUnit.MICROS) + "|" + (chain == 0 ? "" : chain + "|") + position + "|"
                    + HexFormat.of().formatHex(hash)).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
        }
    }

    /** The key from its owner-only file, made at the first checkpoint. */
    private byte[] key() {
        return Base64.getDecoder().decode(OwnerOnlyFiles.readOrCreate(properties.checkpointKeyFile(),
                () -> Base64.getEncoder().encodeToString(Secrets.randomBytes(KEY_BYTES))).strip());
    }

    /** A signed checkpoint: chain {@code chain} had {@code position} links with head {@code hash} at {@code takenAt}. */
    public record Checkpoint(long id, Instant takenAt, int chain, long position, String hash, String signature) {
    }
}
