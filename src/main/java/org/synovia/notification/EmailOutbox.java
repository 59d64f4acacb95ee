package org.synovia.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;


/**
 * Stores each email, then sends it through the {@link MessageSender} (SMTP). A failed send is retried with
 * growing pauses; a batch is claimed with {@code for update skip locked}, so two Synovia instances on one
 * database never send the same email twice.
 */
@Service
public class EmailOutbox {

    private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final MessageSender sender;
    private final NotificationProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    EmailOutbox(JdbcClient jdbc, MessageSender sender, NotificationProperties properties, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public UUID queue(String recipient, String subject, String body, UUID patientId, String purpose) {
        return queue(recipient, subject, body, patientId, purpose, null);
    }

    /** Stores the email with its attachment (or null) in the caller's transaction; sending comes later. */
    @Transactional
    public UUID queue(String recipient, String subject, String body, UUID patientId, String purpose, Attachment attachment) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into outbound_email (id, recipient, subject, body, patient_id, purpose, status, created_at, next_attempt_at,
                    attachment_name, attachment_type, attachment)
                values (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?)
                """).params(id, recipient, subject, body, patientId, purpose, now, now,
                        attachment == null ? null : attachment.name(), attachment == null ? null : attachment.contentType(),
                        attachment == null ? null : attachment.content()).update();
        return id;
    }

    /** Sends what is due. Runs on a schedule and right after an email is queued. */
    @Scheduled(fixedDelayString = "${synovia.notification.send-interval:PT30S}")
    @Transactional
    public int sendDue() {
        List<Due> due = jdbc.sql("""
                select * from outbound_email where status = 'QUEUED' and next_attempt_at <= ?
                order by created_at limit ? for update skip locked
                """).params(Timestamp.from(clock.instant()), BATCH).query((rs, n) -> new Due(new OutboundEmail(
                        rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                        rs.getObject("patient_id", UUID.class), rs.getString("purpose"),
                        OutboundEmail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(), null, rs.getString("attachment_name")),
                        rs.getString("attachment_name") == null ? null : new Attachment(rs.getString("attachment_name"),
                                rs.getString("attachment_type"), rs.getBytes("attachment")))).list();
        int sent = 0;
        for (Due email : due) {
            if (send(email.email(), email.attachment())) {
                sent++;
            }
        }
        return sent;
    }

    /** The latest emails with their delivery state, for staff; the listing is audited (it names patients). */
    @Transactional
    public List<OutboundEmail> listForStaff(int limit) {
        List<OutboundEmail> emails = recent(limit);
        audit.record(AuditAction.LIST, "OutboundEmail", null, null, emails.size() + " emails listed");
        return emails;
    }

    /** Puts a failed email back in the queue for a fresh round of attempts; false when it had not failed. */
    @Transactional
    public boolean retry(UUID id) {
        boolean requeued = jdbc.sql("""
                update outbound_email set status = 'QUEUED', attempts = 0, next_attempt_at = ? where id = ? and status = 'FAILED'
                """).params(Timestamp.from(clock.instant()), id).update() == 1;
        if (requeued) {
            audit.record(AuditAction.UPDATE, "OutboundEmail", id, null, "failed email queued again");
        }
        return requeued;
    }

    public List<OutboundEmail> recent(int limit) {
        return jdbc.sql("select * from outbound_email order by created_at desc limit ?").param(limit)
                .query((rs, n) -> new OutboundEmail(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getObject("patient_id", UUID.class),
                        rs.getString("purpose"), OutboundEmail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                        rs.getString("attachment_name")))
                .list();
    }

    private record Due(OutboundEmail email, Attachment attachment) {
    }

    private boolean send(OutboundEmail email, Attachment attachment) {
        int attempt = email.attempts() + 1;
        String error;
        try {
            sender.send(email.recipient(), email.subject(), email.body(), attachment);
            jdbc.sql("update outbound_email set status = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?")
                    .params(attempt, Timestamp.from(clock.instant()), email.id()).update();
            return true;
        }
        catch (MessageSender.MessageNotSentException e) {
            error = e.getMessage();
        }
        boolean giveUp = attempt >= properties.maxAttempts();
        // Back off: 1, 2, 4, 8 … minutes between attempts.
        Instant next = clock.instant().plus(Duration.ofMinutes(1L << Math.min(attempt - 1, 10)));
        jdbc.sql("update outbound_email set status = ?, attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                .params(giveUp ? "FAILED" : "QUEUED", attempt, error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000)),
                        Timestamp.from(next), email.id())
                .update();
        log.warn("Email {} to {} not sent (attempt {}): {}", email.id(), email.recipient(), attempt, error);
        return false;
    }
}
