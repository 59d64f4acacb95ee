package org.synovia.hl7;

import java.sql.SQLException;
import java.time.Clock;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.synovia.database.DatabaseAvailability;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;

/**
 * Receives every message on the MLLP listener and answers each with an ACK, never a dropped connection:
 * AA once the work is committed, AE with the reason when the content is wrong, AR for a message type we do
 * not take. Messages that never reach the mapping (too large, cut short, not parseable) are logged and
 * answered by {@link #refused}; every reason is written here in plain words, never an exception's text. Work is done as the interface's service account, so the audit trail names it.
 */
@Component
class InboundRouter implements ReceivingApplication<Message> {

    private static final Logger log = LoggerFactory.getLogger(InboundRouter.class);
    static final List<String> ACCEPTED_TYPES = List.of("ORM^O01", "OMG^O19", "ADT^A08");
    static final String DATABASE_UNAVAILABLE = "Database unavailable; nothing was stored. Send the message again in a minute.";

    private final InboundMessages inbound;
    private final Hl7Properties properties;
    private final DatabaseAvailability database;
    private final Clock clock;

    InboundRouter(InboundMessages inbound, Hl7Properties properties, DatabaseAvailability database, Clock clock) {
        this.inbound = inbound;
        this.properties = properties;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public boolean canProcess(Message message) {
        return true;
    }

    @Override
    public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
        String raw = metadata.get(MetadataKeys.IN_RAW_MESSAGE) instanceof String s ? s : message.encode();
        InboundLog.Header header = header(raw);
        if (!database.available()) {
            // Answered at once, not after the pool's timeout; the sender keeps the message and sends it again.
            log.warn("HL7 message {} answered AE: the database is unavailable", header.controlId());
            return ack(message, AcknowledgmentCode.AE, DATABASE_UNAVAILABLE, ErrorCode.APPLICATION_INTERNAL_ERROR);
        }
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken(
                properties.account(), null, List.of(new SimpleGrantedAuthority("ROLE_REFERRER")))));
        try {
            Hl7Segments segments = new Hl7Segments(message);
            InboundMessages.Accepted accepted = switch (String.valueOf(header.messageType())) {
                case "ORM^O01", "OMG^O19" -> inbound.order(header, segments, raw);
                case "ADT^A08" -> inbound.demographics(header, segments, raw);
                default -> throw new Hl7Rejection(Hl7Rejection.Code.AR, "MSH-9 message type " + header.messageType()
                        + " is not accepted here; send " + String.join(", ", ACCEPTED_TYPES));
            };
            return ack(message, AcknowledgmentCode.AA, accepted.outcome(), null);
        } catch (Hl7Rejection e) {
            inbound.rejected(header, raw, e.code().name(), e.getMessage());
            return ack(message, e.code() == Hl7Rejection.Code.AR ? AcknowledgmentCode.AR : AcknowledgmentCode.AE,
                    e.getMessage(), e.code() == Hl7Rejection.Code.AR ? ErrorCode.UNSUPPORTED_MESSAGE_TYPE
                            : ErrorCode.DATA_TYPE_ERROR);
        } catch (RuntimeException e) {
            if (databaseWentAway(e)) {
                // Nothing was committed (or, if the commit's answer was lost, a resend is recognised by its control id
                // and placer order number); logging the refusal would fail too.
                log.warn("HL7 message {} answered AE: the database is unavailable ({})", header.controlId(), e.getMessage());
                return ack(message, AcknowledgmentCode.AE, DATABASE_UNAVAILABLE, ErrorCode.APPLICATION_INTERNAL_ERROR);
            }
            log.error("HL7 message {} could not be processed", header.controlId(), e);
            String reason = "The message could not be processed; nothing was stored. Send it again later.";
            try {
                inbound.rejected(header, raw, "AE", reason);
            } catch (RuntimeException logging) {
                log.error("HL7 message {} could not be logged", header.controlId(), logging);
            }
            return ack(message, AcknowledgmentCode.AE, reason, ErrorCode.APPLICATION_INTERNAL_ERROR);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Logs a message that is refused before it reaches the mapping (too large, cut short, not parseable) and
     * writes its ACK as text, since HAPI could not read it: the header fields are echoed only when MSH could be
     * read, and null is returned when it could not (there is no control id to acknowledge).
     */
    String refused(String raw, String code, String reason) {
        InboundLog.Header header = header(raw);
        try {
            inbound.rejected(header, raw, code, reason);
        } catch (RuntimeException logging) {
            log.error("Refused HL7 message {} could not be logged", header.controlId(), logging);
        }
        if (header.controlId() == null) {
            return null;
        }
        return textAck(header, code, reason);
    }

    /** The answer to a frame in which no MSH could be read: a refusal that names no control id. */
    String anonymousRefusal() {
        return textAck(InboundLog.Header.UNREADABLE, "AR", NO_HEADER);
    }

    static final String NO_HEADER = "No MSH segment with a control id (MSH-10) could be read; nothing was stored. Send one HL7 v2 message per frame, MSH on one line.";

    /** The reason for a message HAPI cannot parse, in plain words; the version is named when MSH-12 is odd. */
    static String unparseable(String raw) {
        String version = mshField(raw, 12);
        return "The message cannot be parsed as HL7 v2; nothing was stored. Check that MSH is one line"
                + (version == null ? "" : " and that version " + clean(version, 10) + " (MSH-12) is 2.x") + ".";
    }

    private String textAck(InboundLog.Header header, String code, String reason) {
        String at = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ")
                .format(clock.instant().atZone(clock.getZone()));
        return "MSH|^~\\&|" + clean(properties.application(), 40) + "|" + clean(properties.facility(), 40) + "|"
                + clean(header.sendingApplication(), 40) + "|" + clean(header.sendingFacility(), 40) + "|" + at + "||ACK|"
                + "R" + clock.millis() + "|P|2.5.1\r"
                + "MSA|" + code + "|" + clean(header.controlId(), 199) + "|" + clean(limit(reason, 80), 80) + "\r"
                + "ERR|||" + ("AR".equals(code) ? "200^Unsupported message type^HL70357" : "100^Segment sequence error^HL70357")
                + "|E||||" + clean(limit(reason, 250), 250) + "\r";
    }

    /** A value echoed into an ACK: without separators, escape or line characters. */
    private static String clean(String value, int max) {
        if (value == null) {
            return "";
        }
        String plain = value.replaceAll("[|^~\\\\&\\r\\n\\x00-\\x1F]", " ");
        return plain.length() <= max ? plain : plain.substring(0, max);
    }

    private static String mshField(String raw, int number) {
        if (raw == null) {
            return null;
        }
        int start = raw.indexOf("MSH");
        if (start < 0 || raw.length() < start + 8) {
            return null;
        }
        String line = raw.substring(start).split("[\r\n]", 2)[0];
        String[] fields = line.split(java.util.regex.Pattern.quote(String.valueOf(line.charAt(3))), -1);
        return fields.length > number - 1 && !fields[number - 1].isBlank() ? fields[number - 1] : null;
    }

    /** No connection, a connection lost, or a server shutting down, anywhere in the chain of causes. */
    private boolean databaseWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // A failed commit or rollback (TransactionSystemException) is always the connection's, never the content's.
            if (cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                    || cause instanceof RecoverableDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return !database.available();
    }

    private static Message ack(Message message, AcknowledgmentCode code, String text, ErrorCode error) throws HL7Exception {
        try {
            Message ack = message.generateACK(code, error == null ? null : new HL7Exception(text, error));
            // MSA-3 is 80 characters in v2.5.1; ERR-8 (from the exception) carries the full text.
            Terser terser = new Terser(ack);
            terser.set("MSA-3", limit(text, 80));
            if (error != null) {
                terser.set("/ERR-8", limit(text, 250));
            }
            return ack;
        } catch (java.io.IOException e) {
            throw new HL7Exception(e);
        }
    }

    private static String limit(String text, int max) {
        String flat = text.replaceAll("[\\r\\n]", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    /** MSH-3, MSH-4, MSH-9 and MSH-10 read from the raw text, which works even when HAPI cannot parse the rest. */
    static InboundLog.Header header(String raw) {
        if (raw == null) {
            return InboundLog.Header.UNREADABLE;
        }
        int start = raw.indexOf("MSH");
        if (start < 0 || raw.length() < start + 8) {
            return InboundLog.Header.UNREADABLE;
        }
        String line = raw.substring(start).split("[\r\n]", 2)[0];
        char separator = line.charAt(3);
        String[] fields = line.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        char component = fields.length > 1 && !fields[1].isEmpty() ? fields[1].charAt(0) : '^';
        return new InboundLog.Header(field(fields, 10, component, false), field(fields, 9, component, true),
                field(fields, 3, component, false), field(fields, 4, component, false));
    }

    private static String field(String[] fields, int number, char component, boolean twoComponents) {
        if (fields.length <= number - 1 || fields[number - 1].isBlank()) {
            return null;
        }
        String[] parts = fields[number - 1].split(java.util.regex.Pattern.quote(String.valueOf(component)), -1);
        if (twoComponents) {
            return parts.length > 1 ? parts[0] + "^" + parts[1] : parts[0];
        }
        return parts[0];
    }
}
