package org.synovia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One SMTP port per test JVM, chosen free at start, so that two builds on one machine (two checkouts, or a
 * developer's run beside CI) never send each other's mail. The application context is pointed at it by
 * {@link Initializer}; tests that read the mail start GreenMail on it with {@link #greenMail()}.
 */
public final class TestSmtp {

    public static final int PORT = freePort();

    private TestSmtp() {
    }

    /** Mail servers wait for their turn: on a busy two-core machine GreenMail's own 2 s start-up limit ran out. */
    private static final long STARTUP_TIMEOUT_MILLIS = 20_000;

    public static GreenMailExtension greenMail() {
        return new GreenMailExtension(serverSetup(PORT));
    }

    /** SMTP on {@code port}, allowed long enough to start on a loaded machine. */
    public static ServerSetup serverSetup(int port) {
        ServerSetup setup = new ServerSetup(port, null, ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        return setup;
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets {@code spring.mail.port} before the context starts. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("testSmtp", Map.of("spring.mail.port", PORT)));
        }
    }
}
