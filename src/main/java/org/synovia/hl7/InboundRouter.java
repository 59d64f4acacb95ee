package org.synovia.hl7;

import java.sql.SQLException;
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
import ca.uhn.hl7v2.protocol.ReceivingApplicationExceptionHandler;
import ca.uhn.hl7v2.util.Terser;

/**
 * Receives every message on the MLLP listener and answers each with an ACK, never a dropped connection:
 * AA once the work is committed, AE with the reason when the content is wrong, AR for a message type we do
 * not take. Messages HAPI cannot parse reach {@link #processException}, which logs them and puts the reason
 * in MSA-3. Work is done as the interface's service account, so the audit trail names it.
 */
@Component
class InboundRouter implements ReceivingApplication<Message>, ReceivingApplicationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundRouter.class);
    static final List<String> ACCEPTED_TYPES = List.of("ORM^O01", "OMG^O19", "ADT^A08");
    static final String DATABASE_UNAVAILABLE = "Database unavailable; nothing was stored. Send the message again in a minute.";

    private final InboundMessages inbound;
    private final Hl7Properties properties;
    private final DatabaseAvailability database;

    InboundRouter(InboundMessages inbound, Hl7Properties properties, DatabaseAvailability database) {
        this.inbound = inbound;
        this.properties = properties;
        this.database = database;
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
     * A message HAPI could not parse: HAPI has made the error ACK (AE or AR, with ERR); we log the message and
     * add the reason in MSA-3. The ACK is amended as text, because it echoes the version that could not be parsed.
     */
    @Override
    public String processException(String incoming, Map<String, Object> metadata, String outgoing, Exception e) {
        String reason = "The message cannot be parsed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        String[] segments = outgoing.split("\r");
        String code = "AE";
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("MSA") && segments[i].length() > 3) {
                String separator = String.valueOf(segments[i].charAt(3));
                java.util.List<String> fields = new java.util.ArrayList<>(java.util.Arrays.asList(
                        segments[i].split(java.util.regex.Pattern.quote(separator), -1)));
                while (fields.size() < 4) {
                    fields.add("");
                }
                code = fields.get(1).isEmpty() ? "AE" : fields.get(1);
                fields.set(3, limit(reason, 80).replaceAll("[|^~\\&]", " "));
                segments[i] = String.join(separator, fields);
            }
        }
        try {
            inbound.rejected(header(incoming), incoming == null ? "" : incoming, code, reason);
        } catch (RuntimeException logging) {
            log.error("Unparseable HL7 message could not be logged", logging);
        }
        return String.join("\r", segments);
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
