package org.synovia.dicom.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synovia.dicom.DicomProperties;

/**
 * Listens for associations and serves each on its own virtual thread. At most {@code max-associations}
 * are served at once; a few more are kept long enough to be told so with an A-ASSOCIATE-RJ (transient,
 * local limit exceeded), and beyond that a connection is closed at once.
 */
public final class DicomServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DicomServer.class);
    private static final int REJECTING_AT_ONCE = 8;

    private final DicomProperties settings;
    private final FindService finder;
    private final PerformedStepService performedSteps;
    private final Semaphore serving;
    private final Semaphore rejecting = new Semaphore(REJECTING_AT_ONCE);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private ServerSocket listener;
    private volatile boolean closed;

    public DicomServer(DicomProperties settings, FindService finder, PerformedStepService performedSteps) {
        this.settings = settings;
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
            Semaphore permit = serving.tryAcquire() ? serving : rejecting.tryAcquire() ? rejecting : null;
            if (permit == null) {
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            threads.submit(() -> {
                try {
                    socket.setTcpNoDelay(true);
                    new Association(socket, settings, finder, performedSteps, permit == rejecting).run();
                }
                catch (SocketException e) {
                    log.debug("DICOM socket error: {}", e.toString());
                }
                finally {
                    open.remove(socket);
                    closeQuietly(socket);
                    permit.release();
                }
            });
        }
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
