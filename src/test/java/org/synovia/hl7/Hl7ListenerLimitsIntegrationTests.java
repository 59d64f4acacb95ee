package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;

/**
 * The listener's limits over real MLLP on loopback, written byte by byte as a hostile or broken sender would: a frame
 * over {@code max-message-size} (64 KB in tests), a carriage return inside MSH, binary junk, and more silent
 * connections than {@code max-connections} (8 in tests). Each message gets an answer and a row in the inbound log.
 */
@SynoviaIntegrationTest
class Hl7ListenerLimitsIntegrationTests {

    @Autowired MllpListener listener;
    @Autowired JdbcClient jdbc;

    private static String controlId() {
        return "L" + System.nanoTime();
    }

    private static String order(String control) {
        Hl7InboundIntegrationTests.Sample sample = new Hl7InboundIntegrationTests.Sample();
        return sample.text("orm-o01-knee-on-apixaban.hl7", control);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("localhost", listener.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void write(Socket socket, byte[] message) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(MllpFrames.wrap(message));
        out.flush();
    }

    /** The next frame's text, or null when the listener closed the connection. */
    private static String read(Socket socket) throws IOException {
        MllpFrames.Frame frame = new MllpFrames(new BufferedInputStream(socket.getInputStream()), 1 << 20).next();
        return frame == null ? null : new String(frame.data(), StandardCharsets.UTF_8);
    }

    private String logged(String column, String control) {
        return jdbc.sql("select " + column + " from hl7_inbound_message where control_id = ?").param(control)
                .query(String.class).single();
    }

    private int loggedWithout(String outcomeStart) {
        return jdbc.sql("select count(*) from hl7_inbound_message where control_id is null and outcome like ?")
                .param(outcomeStart + "%").query(Integer.class).single();
    }

    private static byte[] padded(String message, int bytes) {
        StringBuilder text = new StringBuilder(message);
        while (text.length() < bytes) {
            text.append("\rNTE|1||").append("x".repeat(200));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    // Found by the long fuzz round: a NUL in a message failed both the processing and the log row, so an answered
    // message left no trace.
    @Test
    void refusesAMessageHoldingANulAndLogsIt() throws Exception {
        String control = controlId();
        try (Socket socket = connect()) {
            write(socket, order(control).replace("Left knee pain", "Left\u0000knee pain").getBytes(StandardCharsets.UTF_8));

            assertThat(read(socket)).contains("MSA|AR|" + control + "|The message contains a NUL character")
                    .doesNotContain("Exception");
        }
        assertThat(logged("ack_code", control)).isEqualTo("AR");
        assertThat(logged("raw_message", control)).contains("Left?knee");
    }

    @Test
    void refusesAFrameOverTheLimitAsTooLargeAndKeepsTheConnection() throws Exception {
        String control = controlId();
        try (Socket socket = connect()) {
            write(socket, padded(order(control), 2 * 1024 * 1024));
            String answer = read(socket);

            assertThat(answer).contains("MSA|AR|" + control + "|The message is too large: the limit is 64 KB")
                    .doesNotContain("Exception");
            String next = controlId();
            write(socket, order(next).getBytes(StandardCharsets.UTF_8));
            assertThat(read(socket)).contains("MSA|AA|" + next);
        }
        assertThat(logged("ack_code", control)).isEqualTo("AR");
        assertThat(logged("outcome", control)).startsWith("The message is too large");
        assertThat(jdbc.sql("select length(raw_message) from hl7_inbound_message where control_id = ?").param(control)
                .query(Integer.class).single()).as("only the first 64 KB were kept").isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void closesTheConnectionOnAFrameOverTheLimitWithoutAHeaderAndLogsIt() throws Exception {
        int before = loggedWithout("The message is too large");
        try (Socket socket = connect()) {
            byte[] junk = new byte[256 * 1024];
            new Random(15).nextBytes(junk);
            for (int i = 0; i < junk.length; i++) {
                if (junk[i] == MllpFrames.END || junk[i] == MllpFrames.START) {
                    junk[i] = 'x';
                }
            }
            write(socket, junk);

            assertThat(readOrReset(socket)).as("closed without an answer").isNull();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> loggedWithout("The message is too large") == before + 1);
    }

    private static String readOrReset(Socket socket) throws IOException {
        try {
            return read(socket);
        } catch (SocketException reset) {
            return null;
        }
    }

    @Test
    void answersAHeaderCutByACarriageReturnBeforeTheControlIdWithALoggedRefusal() throws Exception {
        String control = controlId();
        String broken = order(control).replace("|20261121093000||", "|2026112109\r3000||");
        int before = loggedWithout("No MSH segment with a control id");
        try (Socket socket = connect()) {
            write(socket, broken.getBytes(StandardCharsets.UTF_8));

            assertThat(read(socket)).contains("MSA|AR||No MSH segment with a control id").doesNotContain("Exception");
        }
        assertThat(loggedWithout("No MSH segment with a control id")).isEqualTo(before + 1);
    }

    @Test
    void answersAHeaderCutByACarriageReturnAfterTheControlIdWithAnError() throws Exception {
        String control = controlId();
        String broken = order(control).replace("|P|2.5.1|", "|P\r|2.5.1|");
        try (Socket socket = connect()) {
            write(socket, broken.getBytes(StandardCharsets.UTF_8));

            String answer = read(socket);
            assertThat(answer).containsPattern("MSA\\|A[ER]\\|" + control + "\\|").doesNotContain("Exception", "SQL",
                    "java.");
        }
        assertThat(logged("ack_code", control)).isIn("AE", "AR");
    }

    @Test
    void answersBinaryJunkAndLogsIt() throws Exception {
        int before = loggedWithout("No MSH segment with a control id");
        try (Socket socket = connect()) {
            write(socket, new byte[] {0, 1, 2, (byte) 0xFF, 'M', 'S', 0, 'H', 0x0D, 0x7F});

            assertThat(read(socket)).contains("MSA|AR||No MSH segment with a control id");
        }
        assertThat(loggedWithout("No MSH segment with a control id")).isEqualTo(before + 1);
    }

    @Test
    void acknowledgesARealOrderWhileTwentySilentConnectionsAreOpen() throws Exception {
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                silent.add(connect());
            }
            String control = controlId();
            try (Socket sender = connect()) {
                write(sender, order(control).getBytes(StandardCharsets.UTF_8));

                assertThat(read(sender)).contains("MSA|AA|" + control);
            }
            assertThat(logged("ack_code", control)).isEqualTo("AA");
            assertThat(silent.stream().filter(Hl7ListenerLimitsIntegrationTests::closedByListener).count())
                    .as("silent connections closed to make room").isGreaterThanOrEqualTo(12);
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
    }

    @Test
    void closesAConnectionThatStaysSilentPastTheIdleTimeout() throws Exception {
        try (Socket socket = connect()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> closedByListener(socket));
        }
    }

    private static boolean closedByListener(Socket socket) {
        try {
            socket.setSoTimeout(50);
            InputStream in = socket.getInputStream();
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

}
