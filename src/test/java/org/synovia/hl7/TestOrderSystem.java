package org.synovia.hl7;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.springframework.jdbc.core.simple.JdbcClient;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.model.Message;

/** A hospital order system's side of MLLP: HAPI's own client, one connection per message, as the tests send them. */
final class TestOrderSystem implements AutoCloseable {

    private final HapiContext context = MllpListener.context();

    TestOrderSystem() {
        // Its own threads: closing a context shuts its executor down, and HAPI's default one is shared with the
        // listener under test (and with the other MLLP test classes in this JVM).
        context.setExecutorService(Executors.newCachedThreadPool());
    }

    /** Sends one message to the listener on {@code port} and returns its ACK. */
    Message send(int port, String text) throws HL7Exception, LLPException, IOException {
        Connection connection = context.newClient("localhost", port, false);
        try {
            return connection.getInitiator().sendAndReceive(context.getPipeParser().parse(text));
        }
        finally {
            connection.close();
        }
    }

    /** The referral stored for the patient with this NHS number, if any. */
    static Optional<UUID> referralOf(JdbcClient jdbc, String nhsNumber) {
        return jdbc.sql("select r.id from referral r join patient p on p.id = r.patient_id where p.nhs_number = ?")
                .param(nhsNumber).query(UUID.class).optional();
    }

    @Override
    public void close() throws IOException {
        context.close();
    }
}
