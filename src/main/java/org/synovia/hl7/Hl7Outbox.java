package org.synovia.hl7;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.synovia.shared.InstanceProperties;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.util.Terser;

/**
 * Outbound HL7 messages: stored first ({@code hl7_outbound_message}) in the business transaction, then sent
 * over MLLP to the configured receiver and retried with growing pauses until it answers AA; an AE or AR answer,
 * a timeout or a refused connection is recorded on the row. Like the email outbox (ADR 0026) a sender claims
 * one due row at a time with a lease in a statement of its own, talks MLLP outside any transaction with connect
 * and read timeouts, then records the answer; a lease that ran out lets another instance send it again.
 */
@Service
class Hl7Outbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Hl7Outbox.class);
    private static final int BATCH = 20;
    private static final int MAX_BACKOFF_DOUBLINGS = 6;

    private final JdbcClient jdbc;
    private final Hl7Properties properties;
    private final Clock clock;
    private final String instanceId;
    private final HapiContext context = MllpListener.context();

    Hl7Outbox(JdbcClient jdbc, Hl7Properties properties, Clock clock, InstanceProperties instance) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.instanceId = instance.id();
        context.setSocketFactory(new ConnectTimeoutSocketFactory((int) properties.outbound().connectTimeout().toMillis()));
    }

    @Override
    public void destroy() throws IOException {
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

    /**
     * Sends what is due, one claimed message at a time; returns how many were acknowledged. Never inside a
     * transaction. A receiver that cannot be reached ends the round; one that answers AE or AR does not.
     */
    @Scheduled(fixedDelayString = "${synovia.hl7.outbound.send-interval:PT1M}")
    public int sendDue() {
        if (!properties.outbound().enabled()) {
            return 0;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("HL7 messages are sent outside transactions, after what queued them commits");
        }
        int acknowledged = 0;
        for (int i = 0; i < BATCH; i++) {
            Optional<Claimed> claimed = claimNext();
            if (claimed.isEmpty()) {
                break;
            }
            Answer answer = exchange(claimed.get());
            record(claimed.get(), answer);
            if (answer.acknowledged()) {
                acknowledged++;
            }
            else if (answer.code() == null) {
                break;
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

    /** A message this instance holds; {@code attempt} counts this one. */
    record Claimed(UUID id, String controlId, String payload, int attempt) {
    }

    /** The receiver's answer: an acknowledgement code with its text, or no code and why nothing came back. */
    record Answer(String code, String text) {

        boolean acknowledged() {
            return "AA".equals(code) || "CA".equals(code);
        }
    }

    /** Claims the oldest due message nobody holds (or whose holder's lease ran out), in one statement of its own. */
    Optional<Claimed> claimNext() {
        Instant now = clock.instant();
        return jdbc.sql("""
                update hl7_outbound_message set claimed_by = ?, claimed_until = ?, attempts = attempts + 1
                where id = (select id from hl7_outbound_message
                            where status = 'QUEUED' and next_attempt_at <= ? and (claimed_until is null or claimed_until <= ?)
                            order by created_at limit 1 for update skip locked)
                returning id, control_id, payload, attempts
                """).params(instanceId, Timestamp.from(now.plus(properties.outbound().lease())), Timestamp.from(now),
                        Timestamp.from(now))
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("control_id"),
                        rs.getString("payload"), rs.getInt("attempts")))
                .optional();
    }

    /** Records the answer while this instance still holds the message; after its lease, another's answer counts. */
    void record(Claimed message, Answer answer) {
        boolean recorded;
        if (answer.acknowledged()) {
            recorded = jdbc.sql("""
                    update hl7_outbound_message set status = 'ACKNOWLEDGED', last_ack_code = ?, last_error = null,
                        acknowledged_at = ?, claimed_by = null, claimed_until = null
                    where id = ? and claimed_by = ?
                    """).params(answer.code(), Timestamp.from(clock.instant()), message.id(), instanceId).update() == 1;
        }
        else {
            boolean giveUp = message.attempt() >= properties.outbound().maxAttempts();
            // Back off: 1, 2, 4 … 64 minutes between attempts.
            Instant next = clock.instant().plus(Duration.ofMinutes(1L << Math.min(message.attempt() - 1, MAX_BACKOFF_DOUBLINGS)));
            String error = answer.code() == null ? answer.text() : answer.code() + ": " + answer.text();
            recorded = jdbc.sql("""
                    update hl7_outbound_message set status = ?, last_ack_code = ?, last_error = ?, next_attempt_at = ?,
                        claimed_by = null, claimed_until = null
                    where id = ? and claimed_by = ?
                    """).params(giveUp ? "FAILED" : "QUEUED", answer.code(), error.substring(0, Math.min(error.length(), 1000)),
                            Timestamp.from(next), message.id(), instanceId)
                    .update() == 1;
            log.warn("HL7 message {} not acknowledged (attempt {}): {}", message.controlId(), message.attempt(), error);
        }
        if (!recorded) {
            log.warn("HL7 message {} was answered after this instance's lease ran out; another instance holds it now",
                    message.controlId());
        }
    }

    /** One MLLP exchange, outside any transaction, within the connect and read (ACK) timeouts. */
    Answer exchange(Claimed message) {
        try {
            Hl7Properties.Outbound endpoint = properties.outbound();
            Connection connection = context.newClient(endpoint.host(), endpoint.port(), false);
            try {
                Initiator initiator = connection.getInitiator();
                initiator.setTimeout(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS);
                Message ack = initiator.sendAndReceive(context.getPipeParser().parse(message.payload()));
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
        } catch (HL7Exception | LLPException | IOException | RuntimeException e) {
            return new Answer(null, "not delivered: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** HAPI connects without a timeout; this socket gives its plain {@code connect} one. */
    private static final class ConnectTimeoutSocketFactory extends StandardSocketFactory {

        private final int connectTimeoutMillis;

        ConnectTimeoutSocketFactory(int connectTimeoutMillis) {
            this.connectTimeoutMillis = connectTimeoutMillis;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket() {
                @Override
                public void connect(SocketAddress endpoint) throws IOException {
                    connect(endpoint, connectTimeoutMillis);
                }
            };
            socket.setKeepAlive(true);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(getAcceptedSocketTimeout());
            return socket;
        }
    }
}
