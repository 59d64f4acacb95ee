package org.synovia.notification;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.InstanceProperties;


/**
 * The email outbox. A business transaction only stores the email ({@link #queue}); after it commits, a sender
 * claims one due row at a time with a lease ({@code claimed_by}, {@code claimed_until}) in a statement of its
 * own, talks SMTP outside any transaction, then records the outcome in another. No database connection or row
 * lock is held while the mail server is slow. A lease that runs out (the instance died mid-send) lets any
 * instance send the row again, with the same Message-ID: delivery is at least once (ADR 0026).
 */
@Service
public class EmailOutbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);
    private static final int BATCH = 20;
    private static final int MAX_BACKOFF_DOUBLINGS = 10;

    private final JdbcClient jdbc;
    private final MessageSender sender;
    private final TextChannel texts;
    private final NotificationProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final String instanceId;
    private final String messageIdDomain;
    private final ExecutorService afterCommitSender =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("email-outbox").factory());
    private final AtomicBoolean sendPending = new AtomicBoolean();

    EmailOutbox(JdbcClient jdbc, MessageSender sender, NotificationProperties properties, AuditTrail audit, Clock clock,
            InstanceProperties instance) {
        this(jdbc, sender, TextChannel.none(), properties, audit, clock, instance);
    }

    @org.springframework.beans.factory.annotation.Autowired
    EmailOutbox(JdbcClient jdbc, MessageSender sender, TextChannel texts, NotificationProperties properties, AuditTrail audit,
            Clock clock, InstanceProperties instance) {
        this.texts = texts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.instanceId = instance.id();
        String host = URI.create(properties.publicUrl()).getHost();
        this.messageIdDomain = host == null || host.isBlank() ? "synovia.invalid" : host;
    }

    @Override
    public void destroy() {
        // A send in progress is abandoned; its lease runs out and another instance (or the next start) sends it.
        afterCommitSender.shutdownNow();
    }

    /** Where a patient's secret link goes in a stored body; see {@link #queue(String, String, String, String, UUID, String, Attachment)}. */
    public static final String LINK = "{{link}}";

    @Transactional
    public UUID queue(String recipient, String subject, String body, UUID patientId, String purpose) {
        return queue(recipient, subject, body, patientId, purpose, null);
    }

    /**
     * Stores the email with its attachment (or null) in the caller's transaction; it is sent once that
     * transaction has committed, never before, and never inside it.
     */
    @Transactional
    public UUID queue(String recipient, String subject, String body, UUID patientId, String purpose, Attachment attachment) {
        return queue(recipient, subject, body, null, patientId, purpose, attachment);
    }

    /**
     * As {@link #queue(String, String, String, UUID, String, Attachment)}, for an email carrying a patient's secret
     * {@code link}: the body says {@link #LINK} where the link goes. The link is kept apart from the body, put in only
     * when the email is handed to the mail server, and cleared once it has gone, so that no stored body and no sent
     * row holds it (ADR 0054). Staff viewing the email see the placeholder.
     */
    @Transactional
    public UUID queue(String recipient, String subject, String body, String link, UUID patientId, String purpose,
            Attachment attachment) {
        return queue(new Stored(Channel.EMAIL, recipient, subject, body, link, patientId, purpose, attachment, null, null));
    }

    /**
     * A message as it is stored, on any channel: an email, a text message ({@code recipient} the mobile number) or a
     * letter for the print queue ({@code recipient} the patient's name; printed, never sent by this outbox).
     *
     * @param aboutId the appointment, booking invitation or diary episode it is about, so a fresh link can be issued
     * @param resentFrom the message this one repeats, or null
     */
    record Stored(Channel channel, String recipient, String subject, String body, String link, UUID patientId,
            String purpose, Attachment attachment, UUID aboutId, UUID resentFrom) {
    }

    /** Stores the message in the caller's transaction; an email or text goes once that transaction has committed. */
    @Transactional
    UUID queue(Stored message) {
        if (message.link() != null && !message.body().contains(LINK)) {
            throw new IllegalArgumentException("A message with a link says " + LINK + " where the link goes");
        }
        Attachment attachment = message.attachment();
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into outbound_email (id, recipient, subject, body, link, patient_id, purpose, status, created_at,
                    next_attempt_at, attachment_name, attachment_type, attachment, channel, about_id, resent_from)
                values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, message.recipient(), message.subject(), message.body(), message.link(), message.patientId(),
                        message.purpose(), now, now,
                        attachment == null ? null : attachment.name(), attachment == null ? null : attachment.contentType(),
                        attachment == null ? null : attachment.content(), message.channel().name(), message.aboutId(),
                        message.resentFrom()).update();
        if (message.channel() != Channel.LETTER) {
            sendAfterCommit();
        }
        return id;
    }

    /**
     * Sends what is due, one claimed email at a time, and returns how many went. Runs on a schedule and after
     * every commit that queued an email. Inside a transaction it sends nothing: it asks for a send after commit.
     * A channel's first failure ends that channel's part of the round, so a hanging mail server costs one timeout
     * per round, not twenty, and holds up no text message (nor a failing SMS provider any email).
     */
    @Scheduled(fixedDelayString = "${synovia.notification.send-interval:PT30S}")
    public int sendDue() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            sendAfterCommit();
            return 0;
        }
        int sent = 0;
        Set<Channel> failing = EnumSet.noneOf(Channel.class);
        for (int i = 0; i < BATCH; i++) {
            Optional<Claimed> claimed = claimNext(failing);
            if (claimed.isEmpty()) {
                break;
            }
            String error = deliver(claimed.get());
            record(claimed.get(), error);
            if (error != null) {
                failing.add(claimed.get().channel());
                continue;
            }
            sent++;
        }
        return sent;
    }

    /** The latest emails with their delivery state, for staff; the listing is audited (it names patients). */
    @Transactional
    public List<OutboundEmail> listForStaff(int limit) {
        List<OutboundEmail> emails = recent(limit);
        audit.recordPerPatient(AuditAction.LIST, "OutboundEmail", emails, OutboundEmail::id, OutboundEmail::patientId,
                "emails listed");
        return emails;
    }

    /**
     * Puts a failed email back in the queue for a fresh round of attempts, sent once this commits; false when it
     * had not failed. The stored email is sent as it was: the same body, link and attachment.
     */
    @Transactional
    public boolean retry(UUID id) {
        boolean requeued = jdbc.sql("""
                update outbound_email set status = 'QUEUED', attempts = 0, next_attempt_at = ? where id = ? and status = 'FAILED'
                """).params(Timestamp.from(clock.instant()), id).update() == 1;
        if (requeued) {
            audit.record(AuditAction.UPDATE, "OutboundEmail", id, null, "failed email queued again");
            sendAfterCommit();
        }
        return requeued;
    }

    public List<OutboundEmail> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from outbound_email order by created_at desc limit ?").param(limit)
                .query(EmailOutbox::outboundEmail).list();
    }

    /** Every column but the attachment's content. */
    static final String COLUMNS = """
            id, recipient, subject, body, patient_id, purpose, status, attempts, last_error, created_at, sent_at,
            attachment_name, channel, about_id, resent_from, print_batch_id""";

    static OutboundEmail outboundEmail(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OutboundEmail(rs.getObject("id", UUID.class), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getObject("patient_id", UUID.class),
                rs.getString("purpose"), OutboundEmail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                rs.getString("attachment_name"), Channel.valueOf(rs.getString("channel")), rs.getObject("about_id", UUID.class),
                rs.getObject("resent_from", UUID.class), rs.getObject("print_batch_id", UUID.class));
    }

    /** The Message-ID every attempt at this stored email carries. */
    String messageId(UUID emailId) {
        return "<" + emailId + "@" + messageIdDomain + ">";
    }

    /** An email this instance has claimed until {@code until}; {@code attempt} counts this one. */
    record Claimed(UUID id, String recipient, String subject, String body, String link, int attempt, Attachment attachment,
            Instant until, Channel channel) {

        /** The body as the patient reads it: the link put in where the stored body has the placeholder. */
        String rendered() {
            return link == null ? body : body.replace(LINK, link);
        }
    }

    /**
     * Claims the oldest due email that nobody holds (or whose holder's lease ran out) in one short statement of
     * its own; {@code skip locked} lets concurrent claimers pass each other instead of queueing. An instance with no
     * SMS provider leaves texts to one that has one, rather than spending their attempts on failing.
     */
    Optional<Claimed> claimNext() {
        return claimNext(Set.of());
    }

    /** The same, passing over the channels that already failed in this round. */
    private Optional<Claimed> claimNext(Set<Channel> failing) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.lease());
        boolean emails = !failing.contains(Channel.EMAIL);
        boolean texting = texts.configured() && !failing.contains(Channel.SMS);
        return jdbc.sql("""
                update outbound_email set claimed_by = ?, claimed_until = ?, attempts = attempts + 1
                where id = (select id from outbound_email
                            where status = 'QUEUED' and channel <> 'LETTER' and (channel <> 'SMS' or ?)
                              and (channel <> 'EMAIL' or ?)
                              and next_attempt_at <= ? and (claimed_until is null or claimed_until <= ?)
                            order by created_at limit 1 for update skip locked)
                returning id, recipient, subject, body, link, attempts, attachment_name, attachment_type, attachment, channel
                """).params(instanceId, Timestamp.from(until), texting, emails, Timestamp.from(now), Timestamp.from(now))
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("link"), rs.getInt("attempts"),
                        rs.getString("attachment_name") == null ? null : new Attachment(rs.getString("attachment_name"),
                                rs.getString("attachment_type"), rs.getBytes("attachment")), until,
                        Channel.valueOf(rs.getString("channel"))))
                .optional();
    }

    /** Hands the claimed email to the mail server, outside any transaction; null when it went, else why not. */
    String deliver(Claimed email) {
        try {
            if (email.channel() == Channel.SMS) {
                texts.send(messageId(email.id()), email.recipient(), email.rendered());
            }
            else {
                sender.send(messageId(email.id()), email.recipient(), email.subject(), email.rendered(), email.attachment());
            }
            return null;
        }
        catch (MessageSender.MessageNotSentException e) {
            return e.getMessage() == null ? "unknown" : e.getMessage();
        }
    }

    /**
     * Records the outcome of a claimed email in a statement of its own, only while this instance still holds it:
     * after its lease ran out another instance may have claimed it, and that one's outcome counts.
     */
    void record(Claimed email, String error) {
        boolean recorded;
        if (error == null) {
            recorded = jdbc.sql("""
                    update outbound_email set status = 'SENT', sent_at = ?, last_error = null, claimed_by = null, claimed_until = null,
                        link = null
                    where id = ? and claimed_by = ?
                    """).params(Timestamp.from(clock.instant()), email.id(), instanceId).update() == 1;
        }
        else {
            boolean giveUp = email.attempt() >= properties.maxAttempts();
            // Back off: 1, 2, 4, 8 … minutes between attempts.
            Instant next = clock.instant().plus(Duration.ofMinutes(1L << Math.min(email.attempt() - 1, MAX_BACKOFF_DOUBLINGS)));
            recorded = jdbc.sql("""
                    update outbound_email set status = ?, last_error = ?, next_attempt_at = ?, claimed_by = null, claimed_until = null
                    where id = ? and claimed_by = ?
                    """).params(giveUp ? "FAILED" : "QUEUED", error.substring(0, Math.min(error.length(), 1000)),
                            Timestamp.from(next), email.id(), instanceId).update() == 1;
            log.warn("Email {} to {} not sent (attempt {}): {}", email.id(), email.recipient(), email.attempt(), error);
        }
        if (!recorded) {
            log.warn("Email {} was {} after this instance's lease ran out; another instance holds it now",
                    email.id(), error == null ? "sent" : "tried");
        }
    }

    /** Sends soon after the current transaction commits (at once when there is none), on a thread of its own. */
    private void sendAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sendSoon();
                }
            });
        }
        else {
            sendSoon();
        }
    }

    private void sendSoon() {
        // Many commits in a burst need one extra round, not one each.
        if (!sendPending.compareAndSet(false, true)) {
            return;
        }
        try {
            afterCommitSender.execute(() -> {
                sendPending.set(false);
                try {
                    // A full round means more may be waiting (a backlog after the mail server was away): keep going
                    // while it accepts, so a new letter does not wait for the next scheduled round behind the backlog.
                    while (sendDue() == BATCH) {
                        log.debug("A full round of queued emails went; sending the next");
                    }
                }
                catch (RuntimeException e) {
                    log.warn("Sending queued emails failed; the scheduled round tries again: {}", e.toString());
                }
            });
        }
        catch (RejectedExecutionException e) {
            sendPending.set(false);
        }
    }
}
