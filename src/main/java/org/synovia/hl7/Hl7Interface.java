package org.synovia.hl7;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;

/**
 * What staff see of the HL7 interface: each message received with the acknowledgement given, each message
 * sent with its delivery state; a failed outbound message can be queued again.
 */
@Service
public class Hl7Interface {

    private final InboundLog inbound;
    private final Hl7Outbox outbox;
    private final AuditTrail audit;

    Hl7Interface(InboundLog inbound, Hl7Outbox outbox, AuditTrail audit) {
        this.inbound = inbound;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** A received message as listed (not its content, which names the patient). */
    public record InboundRow(Instant receivedAt, String controlId, String messageType, String sendingApplication,
            String sendingFacility, String placerOrderNumber, String ackCode, String outcome, UUID referralId) {
    }

    /** A message to send, with the last answer or error. */
    public record OutboundRow(UUID id, String controlId, String messageType, UUID appointmentId, String status, int attempts,
            String lastAckCode, String lastError, Instant createdAt, Instant nextAttemptAt, Instant acknowledgedAt) {
    }

    @Transactional
    public List<InboundRow> received(int limit) {
        List<InboundRow> rows = inbound.recent(limit);
        audit.record(AuditAction.LIST, "Hl7InboundMessage", null, null, rows.size() + " HL7 messages received listed");
        return rows;
    }

    @Transactional
    public List<OutboundRow> sent(int limit) {
        List<OutboundRow> rows = outbox.recent(limit);
        audit.record(AuditAction.LIST, "Hl7OutboundMessage", null, null, rows.size() + " HL7 messages sent listed");
        return rows;
    }

    /** Queues a failed message again for a fresh round of attempts; only a failed one. */
    @Transactional
    public void retry(UUID id) {
        if (!outbox.retry(id)) {
            throw new org.synovia.shared.InvalidInputException("retry", "Only a failed message can be sent again.");
        }
        audit.record(AuditAction.UPDATE, "Hl7OutboundMessage", id, null, "failed HL7 message queued again");
    }

    /** Sends the due messages now (also done on a schedule). */
    public int sendDue() {
        return outbox.sendDue();
    }
}
