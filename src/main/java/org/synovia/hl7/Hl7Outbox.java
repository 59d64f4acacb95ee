package org.synovia.hl7;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;

/**
 * Outbound HL7 messages: stored first ({@code hl7_outbound_message}), then sent over MLLP to the configured
 * receiver and retried with growing pauses until it answers AA; an AE or AR answer, a timeout or a refused
 * connection is recorded on the row. A batch is claimed with {@code for update skip locked}, so two
 * instances never send one message twice.
 */
@Service
class Hl7Outbox implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Hl7Outbox.class);
    private static final int BATCH = 20;
    private static final int MAX_BACKOFF_DOUBLINGS = 6;

    private final JdbcClient jdbc;
    private final Hl7Properties properties;
    private final Clock clock;
    private final HapiContext context = MllpListener.context();

    Hl7Outbox(JdbcClient jdbc, Hl7Properties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void destroy() throws java.io.IOException {
        context.close();
    }

    /** Stores a message to send, once per message type and appointment; false when it was already queued. */
    @Transactional
    boolean queue(String controlId, String messageType, UUID appointmentId, UUID patientId, String payload) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into hl7_outbound_message (id, control_id, message_type, appointment_id, patient_id, payload, status,
                    created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)
                on conflict (message_type, appointment_id) do nothing
                """).params(UUID.randomUUID(), controlId, messageType, appointmentId, patientId, payload, now, now).update() == 1;
    }

    /** Sends what is due. */
    @Scheduled(fixedDelayString = "${synovia.hl7.outbound.send-interval:PT1M}")
    @Transactional
    public int sendDue() {
        if (!properties.outbound().enabled()) {
            return 0;
        }
        List<Due> due = jdbc.sql("""
                select id, control_id, payload, attempts from hl7_outbound_message
                where status = 'QUEUED' and next_attempt_at <= ?
                order by created_at limit ? for update skip locked
                """).params(Timestamp.from(clock.instant()), BATCH)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("control_id"), rs.getString("payload"),
                        rs.getInt("attempts")))
                .list();
        int acknowledged = 0;
        for (Due message : due) {
            if (send(message)) {
                acknowledged++;
            }
        }
        return acknowledged;
    }

    /** Puts a failed message back in the queue for a fresh round of attempts; false when it had not failed. */
    @Transactional
    boolean retry(UUID id) {
        return jdbc.sql("""
                update hl7_outbound_message set status = 'QUEUED', attempts = 0, next_attempt_at = ?
                where id = ? and status = 'FAILED'
                """).params(Timestamp.from(clock.instant()), id).update() == 1;
    }

    List<Hl7Interface.OutboundRow> recent(int limit) {
        return jdbc.sql("""
                select id, control_id, message_type, appointment_id, status, attempts, last_ack_code, last_error, created_at,
                       next_attempt_at, acknowledged_at
                from hl7_outbound_message order by created_at desc limit ?
                """).param(limit)
                .query((rs, n) -> new Hl7Interface.OutboundRow(rs.getObject("id", UUID.class), rs.getString("control_id"),
                        rs.getString("message_type"), rs.getObject("appointment_id", UUID.class), rs.getString("status"),
                        rs.getInt("attempts"), rs.getString("last_ack_code"), rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getTimestamp("acknowledged_at") == null ? null : rs.getTimestamp("acknowledged_at").toInstant()))
                .list();
    }

    private record Due(UUID id, String controlId, String payload, int attempts) {
    }

    private record Answer(String code, String text) {
    }

    private boolean send(Due message) {
        int attempt = message.attempts() + 1;
        Answer answer;
        try {
            answer = exchange(message.payload());
        } catch (HL7Exception | LLPException | java.io.IOException | RuntimeException e) {
            answer = new Answer(null, "not delivered: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if ("AA".equals(answer.code()) || "CA".equals(answer.code())) {
            jdbc.sql("""
                    update hl7_outbound_message set status = 'ACKNOWLEDGED', attempts = ?, last_ack_code = ?, last_error = null,
                        acknowledged_at = ? where id = ?
                    """).params(attempt, answer.code(), Timestamp.from(clock.instant()), message.id()).update();
            return true;
        }
        boolean giveUp = attempt >= properties.outbound().maxAttempts();
        // Back off: 1, 2, 4 … 64 minutes between attempts.
        Instant next = clock.instant().plus(Duration.ofMinutes(1L << Math.min(attempt - 1, MAX_BACKOFF_DOUBLINGS)));
        String error = answer.code() == null ? answer.text() : answer.code() + ": " + answer.text();
        jdbc.sql("""
                update hl7_outbound_message set status = ?, attempts = ?, last_ack_code = ?, last_error = ?, next_attempt_at = ?
                where id = ?
                """).params(giveUp ? "FAILED" : "QUEUED", attempt, answer.code(),
                        error.substring(0, Math.min(error.length(), 1000)), Timestamp.from(next), message.id())
                .update();
        log.warn("HL7 message {} not acknowledged (attempt {}): {}", message.controlId(), attempt, error);
        return false;
    }

    private Answer exchange(String payload) throws HL7Exception, LLPException, java.io.IOException {
        Hl7Properties.Outbound endpoint = properties.outbound();
        Connection connection = context.newClient(endpoint.host(), endpoint.port(), false);
        try {
            Initiator initiator = connection.getInitiator();
            initiator.setTimeout(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS);
            Message ack = initiator.sendAndReceive(context.getPipeParser().parse(payload));
            Terser terser = new Terser(ack);
            // The reason may be in MSA-3, ERR-8 (user message) or ERR-3 (coded error with its original text).
            String text = java.util.stream.Stream.of("MSA-3", "/ERR-8", "/ERR-3-9", "/ERR-3-2").map(path -> {
                try {
                    return terser.get(path);
                } catch (HL7Exception e) {
                    return null;
                }
            }).filter(t -> t != null && !t.isBlank()).findFirst().orElse("no reason given");
            return new Answer(terser.get("MSA-1"), text);
        } finally {
            connection.close();
        }
    }
}
