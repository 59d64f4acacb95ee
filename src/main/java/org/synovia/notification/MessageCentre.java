package org.synovia.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.InvalidInputException;

/**
 * Every stored message opened as it was sent (its body, with the placeholder where a patient's link went, and its
 * attachment) and sent again: the same text and attachment, stored first and sent after commit; a message that
 * carried a link gets a fresh link, the earlier one revoked (ADR 0075). Every read and resend is audited.
 */
@Service
public class MessageCentre {

    static final String RECORD_TYPE = "OutboundEmail";
    /** The most messages a patient's page lists. */
    static final int PER_PATIENT = 100;

    private final JdbcClient jdbc;
    private final EmailOutbox outbox;
    private final FreshLinks links;
    private final AuditTrail audit;

    MessageCentre(JdbcClient jdbc, EmailOutbox outbox, FreshLinks links, AuditTrail audit) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.links = links;
        this.audit = audit;
    }

    /** The message as stored; empty when there is none with this id. */
    @Transactional
    public Optional<OutboundEmail> open(UUID id) {
        Optional<OutboundEmail> message = find(id);
        message.ifPresent(m -> audit.record(AuditAction.READ, RECORD_TYPE, id, m.patientId(), "message opened"));
        return message;
    }

    /** The message's attachment (the PDF letter) exactly as it was sent; empty when it has none. */
    @Transactional
    public Optional<Attachment> attachment(UUID id) {
        record Row(UUID patientId, Attachment attachment) {
        }
        Optional<Row> row = jdbc.sql("""
                select attachment_name, attachment_type, attachment, patient_id from outbound_email
                where id = ? and attachment is not null
                """).param(id).query((rs, n) -> new Row(rs.getObject("patient_id", UUID.class), new Attachment(
                        rs.getString("attachment_name"), rs.getString("attachment_type"), rs.getBytes("attachment"))))
                .optional();
        row.ifPresent(r -> audit.record(AuditAction.EXPORT, RECORD_TYPE, id, r.patientId(), "message attachment opened"));
        Optional<Attachment> attachment = row.map(Row::attachment);
        return attachment;
    }

    /** A patient's messages, newest first. */
    @Transactional
    public List<OutboundEmail> forPatient(UUID patientId) {
        List<OutboundEmail> messages = jdbc.sql("select " + EmailOutbox.COLUMNS
                + " from outbound_email where patient_id = ? order by created_at desc limit ?")
                .params(patientId, PER_PATIENT).query(EmailOutbox::outboundEmail).list();
        audit.record(AuditAction.LIST, RECORD_TYPE, patientId, patientId, messages.size() + " messages listed");
        return messages;
    }

    /**
     * Sends the message again as a new stored message, by the same channel and to the same address (an email to a
     * referrer names the patient too, so "the patient's address now" would be wrong); a message with a link gets a
     * fresh link.
     * Returns the new message's id; refused, saying why, when a fresh link cannot be issued.
     */
    @Transactional
    public UUID resend(UUID id) {
        OutboundEmail original = find(id).orElseThrow(() -> new InvalidInputException("id", "There is no such message."));
                String link = null;
        if (original.carriesLink() && original.channel() != Channel.LETTER) {
            link = links.onScreen(original.purpose(), original.aboutId()).orElseThrow(() -> new InvalidInputException("id",
                    "A fresh link cannot be issued for this message: what it was about has ended, been used or expired."));
        }
        Attachment attachment = original.attachmentName() == null ? null : attachment(id).orElse(null);
        UUID copy = outbox.queue(new EmailOutbox.Stored(original.channel(), original.recipient(), original.subject(), original.body(),
                link, original.patientId(), original.purpose(), attachment, original.aboutId(), original.id()));
        audit.record(AuditAction.CREATE, RECORD_TYPE, copy, original.patientId(), "message sent again"
                + (link == null ? "" : " with a fresh link") + " (repeats " + original.id() + ")");
        return copy;
    }

    private Optional<OutboundEmail> find(UUID id) {
        return jdbc.sql("select " + EmailOutbox.COLUMNS + " from outbound_email where id = ?").param(id)
                .query(EmailOutbox::outboundEmail).optional();
    }
}
