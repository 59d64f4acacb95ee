package org.synovia.hl7;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code hl7_inbound_message}: every message received, with the acknowledgement we gave and why. */
@Repository
class InboundLog {

    private final JdbcClient jdbc;

    InboundLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The header facts of a received message, as far as they could be read. */
    record Header(String controlId, String messageType, String sendingApplication, String sendingFacility) {

        static final Header UNREADABLE = new Header(null, null, null, null);
    }

    void insert(Header header, String placerOrderNumber, String raw, String ackCode, String outcome, UUID referralId,
            UUID patientId, Instant at) {
        jdbc.sql("""
                insert into hl7_inbound_message (id, received_at, control_id, message_type, sending_application,
                    sending_facility, placer_order_number, raw_message, ack_code, outcome, referral_id, patient_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(UUID.randomUUID(), Timestamp.from(at), cut(header.controlId(), 199), cut(header.messageType(), 20),
                        cut(header.sendingApplication(), 227), cut(header.sendingFacility(), 227), cut(placerOrderNumber, 199),
                        // PostgreSQL text cannot hold NUL, which binary junk on the port may contain.
                        raw.replace('\u0000', '\uFFFD'), ackCode, cut(outcome, 2000), referralId, patientId)
                .update();
    }

    /** The accepted message this sender already sent under the same control id, if any (a resend). */
    Optional<Accepted> acceptedEarlier(Header header) {
        if (header.controlId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select outcome, referral_id, patient_id from hl7_inbound_message
                where ack_code = 'AA' and control_id = ? and sending_application is not distinct from ?
                  and sending_facility is not distinct from ?
                order by received_at limit 1
                """).params(header.controlId(), header.sendingApplication(), header.sendingFacility())
                .query((rs, n) -> new Accepted(rs.getString("outcome"), rs.getObject("referral_id", UUID.class),
                        rs.getObject("patient_id", UUID.class)))
                .optional();
    }

    record Accepted(String outcome, UUID referralId, UUID patientId) {
    }

    /** The placer order number an order for this referral came with, for the result message. */
    Optional<String> placerOrderNumber(UUID referralId) {
        return jdbc.sql("""
                select placer_order_number from hl7_inbound_message where referral_id = ? and ack_code = 'AA'
                  and placer_order_number is not null order by received_at limit 1
                """).param(referralId).query(String.class).optional();
    }

    List<Hl7Interface.InboundRow> recent(int limit) {
        return jdbc.sql("""
                select received_at, control_id, message_type, sending_application, sending_facility, placer_order_number,
                       ack_code, outcome, referral_id
                from hl7_inbound_message order by received_at desc limit ?
                """).param(limit)
                .query((rs, n) -> new Hl7Interface.InboundRow(rs.getTimestamp("received_at").toInstant(), rs.getString("control_id"),
                        rs.getString("message_type"), rs.getString("sending_application"), rs.getString("sending_facility"),
                        rs.getString("placer_order_number"), rs.getString("ack_code"), rs.getString("outcome"),
                        rs.getObject("referral_id", UUID.class)))
                .list();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
