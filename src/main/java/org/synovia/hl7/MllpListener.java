package org.synovia.hl7;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.Executors;

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
import ca.uhn.hl7v2.app.ActiveConnection;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.ParserConfiguration;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * The MLLP listener ({@code synovia.hl7.mllp.port}, 2575 by default; 0 picks a free port). It binds its own
 * server socket so that the port actually bound is known, and hands each connection to HAPI, which frames
 * (in the character set of MSH-18), parses (every version read as v2.5.1 structures) and routes to
 * {@link InboundRouter}.
 */
@Component
// After the first administrator is made (an empty accounts table means a fresh installation) and demo data.
@Order(100)
class MllpListener implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

    private final Hl7Properties properties;
    private final InboundRouter router;
    private final UserAccounts accounts;
    private Listener listener;

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
        HapiContext context = context();
        // Its own threads: HAPI's default executor is shared by every context in the JVM, and stopping one
        // listener (a second instance, a test's client) would otherwise shut down the others' connections.
        context.setExecutorService(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mllp-", 0).factory()));
        try {
            listener = new Listener(context, properties.mllp().port());
        } catch (IOException e) {
            throw new UncheckedIOException("HL7 MLLP listener cannot bind port " + properties.mllp().port(), e);
        }
        listener.registerApplication("*", "*", router);
        listener.setExceptionHandler(router);
        listener.start();
        log.info("HL7 MLLP listener on port {}", listener.port());
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
        if (listener != null) {
            listener.stopAndWait();
            listener.context.getExecutorService().shutdownNow();
            listener = null;
        }
    }

    /** The port bound, or -1 when the listener is off. */
    synchronized int port() {
        return listener == null ? -1 : listener.port();
    }

    private static final class Listener extends HL7Service {

        private static final int ACCEPT_WAIT_MILLIS = 500;

        private final HapiContext context;
        private final ServerSocket socket;

        Listener(HapiContext context, int port) throws IOException {
            super(context);
            this.context = context;
            this.socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            socket.setSoTimeout(ACCEPT_WAIT_MILLIS);
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        protected void handle() {
            try {
                Socket connection = socket.accept();
                newConnection(new ActiveConnection(context.getPipeParser(), context.getLowerLayerProtocol(), connection,
                        getExecutorService()));
            } catch (SocketTimeoutException e) {
                // No connection within the wait: loop, so that stop() is noticed.
            } catch (IOException | LLPException e) {
                if (keepRunning()) {
                    log.warn("HL7 MLLP connection not accepted: {}", e.getMessage());
                }
            }
        }

        @Override
        protected void afterTermination() {
            super.afterTermination();
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("HL7 MLLP socket close: {}", e.getMessage());
            }
        }
    }
}
