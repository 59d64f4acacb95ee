package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.util.Terser;

/** While the database is away an order is answered at once with a plain "try again", and nothing is attempted. */
class InboundRouterTests {

    @Test
    void answersAeWithTryAgainAtOnceWhileTheDatabaseIsAway() throws Exception {
        // No InboundMessages: any attempt to store would fail with a NullPointerException.
        InboundRouter router = new InboundRouter(null, new Hl7Properties(new Hl7Properties.Mllp(true, 0, org.springframework.util.unit.DataSize.ofMegabytes(1), 32,
                        Duration.ofSeconds(60)),
                new Hl7Properties.Outbound(false, "localhost", 2576, "RESULTS", "HOSPITAL", Duration.ofSeconds(5),
                        Duration.ofSeconds(10), 3, Duration.ofMinutes(1), Duration.ofMinutes(5)), "hl7-interface", "SYNOVIA",
                "SYNOVIA"), () -> false, java.time.Clock.systemUTC());
        String raw = sample();
        try (HapiContext context = MllpListener.context()) {
            Message order = context.getPipeParser().parse(raw);

            long started = System.nanoTime();
            Message ack = router.processMessage(order, Map.of(MetadataKeys.IN_RAW_MESSAGE, raw));
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

            Terser terser = new Terser(ack);
            assertThat(terser.get("MSA-1")).isEqualTo("AE");
            assertThat(terser.get("MSA-2")).isEqualTo("DB1");
            assertThat(terser.get("MSA-3")).startsWith("Database unavailable").contains("again")
                    .doesNotContain("Exception", "SQL");
            assertThat(answeredIn).isLessThan(Duration.ofSeconds(1));
        }
    }

    private static String sample() throws IOException {
        try (var in = InboundRouterTests.class.getResourceAsStream("/hl7/orm-o01-knee-on-apixaban.hl7")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${CONTROL}", "DB1")
                    .replace("${NHS}", "9999999999").replace("${HOSPITAL}", "H1").replace("${FAMILY}", "Testperson")
                    .replace("${PLACER}", "P1").strip().replace("\n", "\r");
        }
    }
}
