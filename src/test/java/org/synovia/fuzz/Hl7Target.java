package org.synovia.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.synovia.patient.PatientFixtures;

/**
 * HL7 v2 over real MLLP on loopback: the sample orders and updates under {@code src/test/resources/hl7}, each sent
 * with fresh identifiers and mutated: a field's value, a segment dropped or repeated, the separators, the message
 * type or version, line ends, the character set, NUL and noise bytes, a truncated or an oversize message. Every
 * frame must be answered with an ACK (or, for an oversize frame with no readable header, the connection closed).
 */
final class Hl7Target implements FuzzTarget {

    private static final Pattern MSA = Pattern.compile("MSA\\|(A[AER])\\|");
    private static final Pattern ACKNOWLEDGED = Pattern.compile("MSA\\|A[AER]\\|([^|\\r]*)");
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final List<String> SAMPLES = List.of("orm-o01-knee-on-apixaban.hl7", "adt-a08-new-name.hl7",
            "omg-o19-knee-on-apixaban.hl7", "orm-o01-lumbar-facet-safety-facts.hl7", "orm-o01-without-allergies.hl7");

    private final int port;
    private final List<String> templates = new ArrayList<>();
    private Socket socket;
    /** The control ids the listener acknowledged: each must have its row in the inbound log. */
    final List<String> acknowledged = new ArrayList<>();

    Hl7Target(int port) {
        this.port = port;
        for (String sample : SAMPLES) {
            try (InputStream in = Hl7Target.class.getResourceAsStream("/hl7/" + sample)) {
                templates.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace("\n", "\r"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public String name() {
        return "hl7";
    }

    @Override
    public Input draw(Random random) {
        int entry = random.nextInt(templates.size());
        String[] segments = templates.get(entry).split("\r");
        return new Input(entry, FuzzTarget.some(random, () -> {
            int segment = random.nextInt(segments.length);
            int fields = segments[segment].split("\\|", -1).length;
            return switch (random.nextInt(20)) {
                case 0 -> new Mutation("drop-segment:" + segment, "");
                case 1 -> new Mutation("repeat-segment:" + segment, "");
                case 2 -> new Mutation("separators", List.of("", "^~\\&&", "#", "|||", "^^^^", "\\", "^~\\").get(random.nextInt(7)));
                case 3 -> new Mutation("type", List.of("", "ORM", "ORM^O01^ORM_O01^X", "ADT^A40", "ZZZ^Z99", "ORU^R01",
                        "ACK", "ORM^O01~ADT^A08").get(random.nextInt(8)));
                case 4 -> new Mutation("version", List.of("", "2.1", "2.9", "3.0", "x", "2.5.1^^^").get(random.nextInt(6)));
                case 5 -> new Mutation("bytes", List.of("truncate", "latin-1", "crlf", "lf", "nul", "noise", "oversize",
                        "utf-16", "no-msh", "empty").get(random.nextInt(10)) + "@" + random.nextInt(10_000));
                default -> new Mutation("field:" + segment + "." + (1 + random.nextInt(Math.max(1, fields - 1))),
                        Mutations.text(random));
            };
        }));
    }

    @Override
    public Answer send(Input input) throws Exception {
        byte[] message = message(input);
        boolean oversize = input.mutations().stream().anyMatch(m -> m.value().startsWith("oversize"));
        byte[] ack;
        boolean reused = socket != null;
        try {
            ack = exchange(message);
        } catch (java.net.SocketTimeoutException hang) {
            throw hang;
        } catch (IOException closedBefore) {
            ack = null;
        }
        if (ack == null && reused) {
            // The listener closes idle connections; a sender reconnects and sends again.
            close();
            ack = exchange(message);
        }
        if (ack == null) {
            close();
            return oversize ? Answer.of(Answer.CLOSED, "") : Answer.of(599, "connection closed without an ACK");
        }
        String text = new String(ack, StandardCharsets.ISO_8859_1);
        Matcher code = MSA.matcher(text);
        if (!code.find()) {
            return Answer.of(598, "an answer that is not an ACK: " + text);
        }
        Matcher control = ACKNOWLEDGED.matcher(text);
        if (control.find() && !control.group(1).isEmpty()) {
            acknowledged.add(control.group(1));
        }
        return new Answer(code.group(1).equals("AA") ? 200 : 422, text, false, null);
    }

    private byte[] message(Input input) {
        String control = "F" + SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 1_000_000;
        String text = templates.get(input.corpusEntry());
        for (var e : Map.of("${CONTROL}", control, "${NHS}", PatientFixtures.uniqueNhsNumber(),
                "${HOSPITAL}", "H" + (SEQUENCE.get() % 1_000_000_000L), "${FAMILY}", PatientFixtures.uniqueFamilyName(),
                "${PLACER}", "P" + UUID.randomUUID().toString().substring(0, 8)).entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        List<String> segments = new ArrayList<>(Arrays.asList(text.split("\r")));
        String bytes = null;
        for (Mutation mutation : input.mutations()) {
            String where = mutation.where();
            if (where.startsWith("field:")) {
                String[] at = where.substring(6).split("\\.");
                int segment = Math.min(Integer.parseInt(at[0]), segments.size() - 1);
                List<String> fields = new ArrayList<>(Arrays.asList(segments.get(segment).split("\\|", -1)));
                int field = Integer.parseInt(at[1]);
                while (fields.size() <= field) {
                    fields.add("");
                }
                fields.set(field, mutation.value());
                segments.set(segment, String.join("|", fields));
            } else if (where.startsWith("drop-segment:") && segments.size() > 1) {
                segments.remove(Math.min(Integer.parseInt(where.substring(13)), segments.size() - 1));
            } else if (where.startsWith("repeat-segment:")) {
                int segment = Math.min(Integer.parseInt(where.substring(15)), segments.size() - 1);
                segments.add(segment, segments.get(segment));
            } else if (where.equals("separators") && segments.get(0).length() >= 8) {
                segments.set(0, "MSH|" + mutation.value() + segments.get(0).substring(8));
            } else if (where.equals("type") || where.equals("version")) {
                List<String> msh = new ArrayList<>(Arrays.asList(segments.get(0).split("\\|", -1)));
                int field = where.equals("type") ? 8 : 11;
                if (msh.size() > field) {
                    msh.set(field, mutation.value());
                }
                segments.set(0, String.join("|", msh));
            } else if (where.equals("bytes")) {
                bytes = mutation.value();
            }
        }
        String joined = String.join("\r", segments);
        if (bytes == null) {
            return frameSafe(joined.getBytes(StandardCharsets.UTF_8));
        }
        int at = Integer.parseInt(bytes.substring(bytes.indexOf('@') + 1));
        byte[] utf8 = joined.getBytes(StandardCharsets.UTF_8);
        return frameSafe(switch (bytes.substring(0, bytes.indexOf('@'))) {
            case "truncate" -> Arrays.copyOf(utf8, Math.min(utf8.length, at % Math.max(1, utf8.length)));
            case "latin-1" -> joined.replace("UNICODE UTF-8", "8859/1").concat("\rNTE|1||Caf\u00e9 \u00ff")
                    .getBytes(StandardCharsets.ISO_8859_1);
            case "crlf" -> joined.replace("\r", "\r\n").getBytes(StandardCharsets.UTF_8);
            case "lf" -> joined.replace("\r", "\n").getBytes(StandardCharsets.UTF_8);
            case "nul" -> joined.replace("|", "|\u0000").getBytes(StandardCharsets.UTF_8);
            case "noise" -> {
                Random noise = new Random(at);
                for (int i = 0; i < 16; i++) {
                    utf8[noise.nextInt(utf8.length)] = (byte) noise.nextInt(256);
                }
                yield utf8;
            }
            case "oversize" -> (joined + ("\rNTE|1||" + "x".repeat(200)).repeat(400)).getBytes(StandardCharsets.UTF_8);
            case "utf-16" -> joined.getBytes(StandardCharsets.UTF_16);
            case "no-msh" -> joined.substring(joined.indexOf('\r') + 1).getBytes(StandardCharsets.UTF_8);
            default -> new byte[0];
        });
    }

    /** The MLLP start and end bytes belong to the transport: inside a message they are replaced, not sent. */
    private static byte[] frameSafe(byte[] message) {
        for (int i = 0; i < message.length; i++) {
            if (message[i] == 0x0B || message[i] == 0x1C) {
                message[i] = '?';
            }
        }
        return message;
    }

    /** Sends one frame and reads the answering frame, or null when the listener closed the connection instead. */
    private byte[] exchange(byte[] message) throws IOException {
        if (socket == null) {
            socket = new Socket("localhost", port);
            socket.setSoTimeout((int) WebSession.ANSWER_TIMEOUT.toMillis());
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(message.length + 3);
        frame.write(0x0B);
        frame.writeBytes(message);
        frame.write(0x1C);
        frame.write(0x0D);
        socket.getOutputStream().write(frame.toByteArray());
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        int b = in.read();
        if (b == -1) {
            return null;
        }
        if (b != 0x0B) {
            throw new IOException("An answer that does not start an MLLP frame: " + b);
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1C) {
            if (b == -1) {
                return null;
            }
            answer.write(b);
        }
        in.read();
        return answer.toByteArray();
    }

    void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closed either way.
            }
            socket = null;
        }
    }
}
