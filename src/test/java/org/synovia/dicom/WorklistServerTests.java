package org.synovia.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorklistServerTests {

    private static DicomProperties on(int port, boolean enabled) {
        return new DicomProperties(enabled, port, "SYNOVIA", List.of("TESTSCU"), 20, 65536, Duration.ofSeconds(10), Duration.ofSeconds(60),
                500, "2.25", "RF", "SYNOVIA", 1, 30, 4, Duration.ofSeconds(1));
    }

    @Test
    void staysDownWithoutStoppingTheApplicationWhenItsPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            WorklistServer server = new WorklistServer(on(taken.getLocalPort(), true), (query, calling) -> List.of(), null, null);
            server.start();
            assertThat(server.isRunning()).isFalse();
            assertThat(server.port()).isEqualTo(-1);
        }
    }

    @Test
    void listensOnAFreePortAndStops() throws Exception {
        WorklistServer server = new WorklistServer(on(0, true), (query, calling) -> List.of(), null, null);
        server.start();
        assertThat(server.isRunning()).isTrue();
        assertThat(Dcmtk.echo(server.port(), "SYNOVIA").exitCode()).isZero();
        server.stop();
        assertThat(server.isRunning()).isFalse();
        WorklistServer disabled = new WorklistServer(on(0, false), (query, calling) -> List.of(), null, null);
        disabled.start();
        assertThat(disabled.isRunning()).isFalse();
    }
}
