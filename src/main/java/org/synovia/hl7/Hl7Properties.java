package org.synovia.hl7;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HL7 v2 interface ({@code synovia.hl7.*}, documented in docs/configuration.md).
 *
 * @param account the service account orders are submitted as (created disabled at start: it cannot sign in)
 * @param application our name in MSH-3 of what we send, and the name senders address in MSH-5
 * @param facility our facility in MSH-4
 */
@ConfigurationProperties("synovia.hl7")
public record Hl7Properties(@DefaultValue Mllp mllp, @DefaultValue Outbound outbound,
        @DefaultValue("hl7-interface") String account, @DefaultValue("SYNOVIA") String application,
        @DefaultValue("SYNOVIA") String facility) {

    /**
     * The inbound listener.
     *
     * @param port 0 picks a free port (tests)
     * @param maxMessageSize the largest frame read; a larger one is refused without being held in memory
     * @param maxConnections connections served at once; when full, the one idle longest is closed to let a new one in
     * @param idleTimeout a connection that sends nothing for this long is closed
     */
    public record Mllp(@DefaultValue("true") boolean enabled, @DefaultValue("2575") int port,
            @DefaultValue("1MB") DataSize maxMessageSize, @DefaultValue("32") int maxConnections,
            @DefaultValue("PT60S") Duration idleTimeout) {

        public Mllp {
            if (maxMessageSize.toBytes() < 1024 || maxMessageSize.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("synovia.hl7.mllp.max-message-size must be between 1KB and 2GB");
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("synovia.hl7.mllp.max-connections must be at least 1");
            }
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("synovia.hl7.mllp.idle-timeout must be positive");
            }
        }
    }

    /**
     * Where procedure reports go.
     *
     * @param timeout how long to wait for the receiver's ACK (the read timeout)
     * @param connectTimeout how long to wait for the receiver to accept the connection
     * @param maxAttempts after this many unacknowledged attempts a message is left FAILED for staff to retry
     * @param lease how long an instance holds a message it is sending before another may send it instead; longer
     *        than {@code connectTimeout} and {@code timeout} together
     */
    public record Outbound(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String host,
            @DefaultValue("2576") int port, @DefaultValue("RESULTS") String receivingApplication,
            @DefaultValue("HOSPITAL") String receivingFacility, @DefaultValue("PT30S") Duration timeout,
            @DefaultValue("PT10S") Duration connectTimeout, @DefaultValue("8") int maxAttempts,
            @DefaultValue("PT1M") Duration sendInterval, @DefaultValue("PT5M") Duration lease) {

        public Outbound {
            if (lease.compareTo(timeout.plus(connectTimeout)) <= 0) {
                throw new IllegalArgumentException(
                        "synovia.hl7.outbound.lease must be longer than the connect timeout and the timeout together");
            }
        }
    }
}
