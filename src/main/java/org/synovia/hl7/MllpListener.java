package org.synovia.hl7;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.synovia.account.NewUserAccount;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.shared.CurrentUser;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.ParserConfiguration;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * The MLLP listener ({@code synovia.hl7.mllp.port}, 2575 by default; 0 picks a free port). It reads frames itself
 * ({@link MllpFrames}, never more than {@code max-message-size} of one in memory), decodes each in the character set
 * of its MSH-18, parses it with HAPI (every version read as v2.5.1 structures) and hands it to {@link InboundRouter};
 * whatever fails on the way, the sender gets an ACK written by us and the message a row in the inbound log.
 * At most {@code max-connections} are served at once, each on its own thread; a connection silent for
 * {@code idle-timeout} is closed, and when all are taken the one idle longest makes room for a new one (ADR 0053).
 */
@Component
// After the first administrator is made (an empty accounts table means a fresh installation) and demo data.
@Order(100)
class MllpListener implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);
    private static final int ACCEPT_WAIT_MILLIS = 500;
    static final String NUL_REFUSED = "The message contains a NUL character, which HL7 text may not hold. Nothing was stored.";

    private final Hl7Properties properties;
    private final InboundRouter router;
    private final UserAccounts accounts;
    private final PipeParser parser = context().getPipeParser();
    /** Open connections, each with the tick of its last completed frame: the lowest idle ones are closed first. */
    private final Map<Connection, Boolean> open = new ConcurrentHashMap<>();
    private final AtomicLong ticks = new AtomicLong();
    private ServerSocket server;
    private ExecutorService threads;
    private Thread acceptor;

    MllpListener(Hl7Properties properties, InboundRouter router, UserAccounts accounts) {
        this.properties = properties;
        this.router = router;
        this.accounts = accounts;
    }

    /** A HAPI context that parses any 2.x version into v2.5.1 structures and leaves validation to the mapping. */
    static HapiContext context() {
        ParserConfiguration parsing = new ParserConfiguration();
        // ACK control ids from the clock, not HAPI's default counter file in the working directory.
        parsing.setIdGenerator(new NanoTimeGenerator());
        HapiContext context = new DefaultHapiContext(parsing, ValidationContextFactory.noValidation(),
                new CanonicalModelClassFactory("2.5.1"));
        // Read and write each message in the character set its MSH-18 names (UNICODE UTF-8 for names like Zoë).
        context.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
        return context;
    }

    @Override
    public synchronized void run(ApplicationArguments args) {
        if (!properties.mllp().enabled()) {
            return;
        }
        ensureServiceAccount();
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(properties.mllp().port()));
            server.setSoTimeout(ACCEPT_WAIT_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException("HL7 MLLP listener cannot bind port " + properties.mllp().port(), e);
        }
        // Platform threads, capped by max-connections: no virtual threads in the server (ADR 0129).
        threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("mllp-", 0).factory());
        ServerSocket bound = server;
        acceptor = Thread.ofPlatform().daemon().name("mllp-accept").start(() -> accept(bound));
        log.info("HL7 MLLP listener on port {}", server.getLocalPort());
    }

    /** Orders are submitted as this account; it is disabled, so nobody can sign in with it. */
    private void ensureServiceAccount() {
        if (accounts.find(properties.account()).isEmpty()) {
            accounts.create(new NewUserAccount(properties.account(), "HL7 interface", null, null, Set.of(Role.REFERRER),
                    UserAccounts.randomPassword()), CurrentUser.SYSTEM);
            accounts.setEnabled(properties.account(), false);
        }
    }

    @Override
    public synchronized void destroy() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                log.debug("HL7 MLLP socket close: {}", e.getMessage());
            }
            open.keySet().forEach(Connection::close);
            threads.shutdownNow();
            try {
                acceptor.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** The port bound, or -1 when the listener is off. */
    synchronized int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    private void accept(ServerSocket bound) {
        while (!bound.isClosed()) {
            Socket socket;
            try {
                socket = bound.accept();
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (!bound.isClosed()) {
                    log.warn("HL7 MLLP connection not accepted: {}", e.getMessage());
                }
                continue;
            }
            Connection connection = new Connection(socket);
            if (!makeRoom()) {
                log.warn("HL7 MLLP connection from {} refused: {} connections are busy with messages",
                        socket.getRemoteSocketAddress(), properties.mllp().maxConnections());
                connection.close();
                continue;
            }
            open.put(connection, Boolean.TRUE);
            try {
                threads.execute(() -> serve(connection));
            } catch (RuntimeException e) {
                open.remove(connection);
                connection.close();
            }
        }
    }

    /** True when a connection may be opened, after closing the one idle longest if all were taken. */
    private boolean makeRoom() {
        if (open.size() < properties.mllp().maxConnections()) {
            return true;
        }
        var idlest = open.keySet().stream().filter(c -> !c.inFrame).min(Comparator.comparingLong(c -> c.lastTick));
        if (idlest.isEmpty()) {
            return false;
        }
        log.info("HL7 MLLP connection from {} closed to make room: it was the one idle longest", idlest.get().remote());
        idlest.get().close();
        open.remove(idlest.get());
        return true;
    }

    private void serve(Connection connection) {
        try (Socket socket = connection.socket) {
            socket.setSoTimeout(Math.toIntExact(Math.max(1, properties.mllp().idleTimeout().toMillis())));
            int limit = Math.toIntExact(properties.mllp().maxMessageSize().toBytes());
            MllpFrames frames = new MllpFrames(new BufferedInputStream(socket.getInputStream()) {
                @Override
                public synchronized int read() throws IOException {
                    int b = super.read();
                    connection.inFrame = b >= 0;
                    return b;
                }
            }, limit);
            OutputStream out = socket.getOutputStream();
            MllpFrames.Frame frame;
            while ((frame = frames.next()) != null) {
                connection.lastTick = ticks.incrementAndGet();
                byte[] answer = answer(frame, connection);
                connection.inFrame = false;
                if (answer == null) {
                    break;
                }
                out.write(MllpFrames.wrap(answer));
                out.flush();
                if (!frame.complete()) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            log.info("HL7 MLLP connection from {} closed: nothing received for {}", connection.remote(),
                    properties.mllp().idleTimeout());
        } catch (IOException e) {
            log.debug("HL7 MLLP connection from {} ended: {}", connection.remote(), e.getMessage());
        } finally {
            open.remove(connection);
        }
    }

    /** The ACK to send for one frame, or null when the connection is to be closed without one. */
    private byte[] answer(MllpFrames.Frame frame, Connection connection) {
        Charset charset = charset(frame.data());
        String raw = new String(frame.data(), charset);
        if (frame.tooLarge()) {
            log.warn("HL7 MLLP message from {} larger than {} refused", connection.remote(),
                    properties.mllp().maxMessageSize());
            String ack = router.refused(raw, "AR", "The message is too large: the limit is "
                    + properties.mllp().maxMessageSize().toKilobytes() + " KB. Nothing was stored.");
            return ack == null || !frame.complete() ? null : ack.getBytes(charset);
        }
        if (!frame.complete()) {
            router.refused(raw, "AR", "The connection closed before the end of the message. Nothing was stored.");
            return null;
        }
        if (InboundRouter.header(raw).controlId() == null) {
            // Nothing to acknowledge by id (no MSH, a line break inside it, binary junk): refused, logged, answered.
            router.refused(raw, "AR", InboundRouter.NO_HEADER);
            return router.anonymousRefusal().getBytes(charset);
        }
        if (raw.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold a NUL: the message is refused and logged with each NUL shown as '?'.
            String ack = router.refused(raw.replace('\u0000', '?'), "AR", NUL_REFUSED);
            return (ack == null ? router.anonymousRefusal() : ack).getBytes(charset);
        }
        String ack;
        try {
            Message message = parser.parse(raw);
            ack = parser.encode(router.processMessage(message, Map.of(MetadataKeys.IN_RAW_MESSAGE, raw)));
        } catch (Exception | StackOverflowError e) {
            // One line, not a stack trace: a sender of junk should not be able to fill the log.
            log.info("HL7 message from {} cannot be parsed: {}", connection.remote(), e.toString());
            ack = router.refused(raw, "AE", InboundRouter.unparseable(raw));
        }
        // A message without a readable MSH still gets an answer: an ACK that names no control id.
        return (ack == null ? router.anonymousRefusal() : ack).getBytes(charset);
    }

    /** The character set MSH-18 names (UNICODE UTF-8 or 8859/1); ISO 8859-1 otherwise, which reads any byte. */
    static Charset charset(byte[] data) {
        String ascii = new String(data, 0, Math.min(data.length, 4096), StandardCharsets.ISO_8859_1);
        String[] fields = ascii.split("[\\r\\n]", 2)[0].split("\\|", -1);
        String named = fields.length > 17 ? fields[17].toUpperCase(java.util.Locale.ROOT) : "";
        return named.contains("UTF-8") || named.contains("UTF8") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    private static final class Connection {

        final Socket socket;
        volatile long lastTick;
        volatile boolean inFrame;

        Connection(Socket socket) {
            this.socket = socket;
        }

        Object remote() {
            return socket.getRemoteSocketAddress();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("HL7 MLLP connection close: {}", e.getMessage());
            }
        }
    }
}
