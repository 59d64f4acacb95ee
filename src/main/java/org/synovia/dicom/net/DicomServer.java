package org.synovia.dicom.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synovia.dicom.DicomProperties;

/**
 * Listens for associations and serves each on its own thread. At most {@code max-associations}
 * are served at once; a few more are kept long enough to be told so with an A-ASSOCIATE-RJ (transient,
 * local limit exceeded), and beyond that a connection is closed at once. One IP address holds at most
 * {@code max-associations-per-address} connections, silent ones included: beyond that its connections are
 * closed at once, before they take a place (ADR 0053). Only callers {@code recognised} are accepted.
 */
public final class DicomServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DicomServer.class);
    private static final int REJECTING_AT_ONCE = 8;

    private final DicomProperties settings;
    private final Predicate<String> recognised;
    private final FindService finder;
    private final PerformedStepService performedSteps;
    private final Semaphore serving;
    private final Semaphore rejecting = new Semaphore(REJECTING_AT_ONCE);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    // Platform threads, capped by max-associations: no virtual threads in the server (ADR 0129).
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("dicom-association-", 0).factory());
    private ServerSocket listener;
    private volatile boolean closed;

    /** @param recognised the calling AE titles that may associate; others are rejected (calling AE title not recognized) */
    public DicomServer(DicomProperties settings, Predicate<String> recognised, FindService finder,
            PerformedStepService performedSteps) {
        this.settings = settings;
        this.recognised = recognised;
        this.finder = finder;
        this.performedSteps = performedSteps;
        this.serving = new Semaphore(settings.maxAssociations());
    }

    public synchronized void start() throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(settings.port()), 50);
        Thread.ofPlatform().daemon().name("dicom-accept-" + port()).start(this::acceptLoop);
        log.info("DICOM worklist listening on port {} as {}", port(), settings.aeTitle());
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            }
            catch (IOException e) {
                if (!closed) {
                    log.warn("DICOM accept failed: {}", e.toString());
                    // Out of file descriptors, say: pause rather than spin on the failing accept.
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                }
                continue;
            }
            InetAddress address = socket.getInetAddress();
            // An address over its share is told so (while a rejecting place is free) but never takes a serving place.
            boolean addressPlace = takeAddressPlace(address);
            Semaphore permit = addressPlace && serving.tryAcquire() ? serving : rejecting.tryAcquire() ? rejecting : null;
            if (addressPlace && permit != serving) {
                releaseAddressPlace(address);
            }
            if (permit == null) {
                if (!addressPlace) {
                    log.warn("DICOM connection from {} closed: it already holds {} connections", address,
                            settings.maxAssociationsPerAddress());
                }
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            threads.submit(() -> {
                try {
                    socket.setTcpNoDelay(true);
                    new Association(socket, settings, recognised, finder, performedSteps, permit == rejecting).run();
                }
                catch (SocketException e) {
                    log.debug("DICOM socket error: {}", e.toString());
                }
                finally {
                    open.remove(socket);
                    closeQuietly(socket);
                    permit.release();
                    if (permit == serving) {
                        releaseAddressPlace(address);
                    }
                }
            });
        }
    }

    private boolean takeAddressPlace(InetAddress address) {
        boolean[] taken = {false};
        perAddress.compute(address, (a, held) -> {
            int now = held == null ? 0 : held;
            if (now >= settings.maxAssociationsPerAddress()) {
                return held;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private void releaseAddressPlace(InetAddress address) {
        perAddress.computeIfPresent(address, (a, held) -> held <= 1 ? null : held - 1);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (listener != null) {
            closeQuietly(listener);
        }
        open.forEach(DicomServer::closeQuietly);
        threads.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception e) {
            // Closing is best effort; the peer sees the connection end either way.
        }
    }
}
