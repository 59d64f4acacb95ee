package org.synovia.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One port per test JVM, chosen free at start, where tests run the HL7 receiver that outbound messages are
 * sent to; {@link Initializer} points {@code synovia.hl7.outbound.port} at it.
 */
public final class TestHl7 {

    public static final int RECEIVER_PORT = TestSmtp.freePort();

    private TestHl7() {
    }

    /** Sets {@code synovia.hl7.outbound.port} before the context starts. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("testHl7", Map.of("synovia.hl7.outbound.port", RECEIVER_PORT)));
        }
    }
}
