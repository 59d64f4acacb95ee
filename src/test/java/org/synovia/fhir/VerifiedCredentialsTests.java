package org.synovia.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.synovia.testing.TestClock;

/** What is kept of a verified credential, for how long, and when it is forgotten (ADR 0124, ADR 0127). */
class VerifiedCredentialsTests {

    private final TestClock now = TestClock.at(Instant.parse("2026-12-07T09:00:00Z"));
    private final VerifiedCredentials<String, String> verified = new VerifiedCredentials<>(now, 3);

    @Test
    void keepsWhatWasFoundRightForThirtySecondsAfterItsCheck() {
        verified.keep(verified.check(), "a", "client a", null);

        now.advance(Duration.ofSeconds(VerifiedCredentials.KEPT_FOR_SECONDS).minusMillis(1));
        assertThat(verified.kept("a")).isEqualTo("client a");
        now.advance(Duration.ofMillis(1));
        assertThat(verified.kept("a")).isNull();
    }

    @Test
    void keepsNothingBeyondItsOwnEnd() {
        verified.keep(verified.check(), "token", "client a", now.instant().plusSeconds(5));

        now.advance(Duration.ofSeconds(5).minusMillis(1));
        assertThat(verified.kept("token")).isEqualTo("client a");
        now.advance(Duration.ofMillis(1));
        assertThat(verified.kept("token")).as("at its end, before thirty seconds").isNull();
    }

    @Test
    void doesNotKeepARowReadBeforeAChange() {
        VerifiedCredentials.Check readBefore = verified.check();
        verified.forget();
        verified.keep(readBefore, "a", "client a as it was", null);

        assertThat(verified.kept("a")).isNull();
    }

    @Test
    void forgetsAgainWhenTheChangeCommitsWhatWasReadBeforeTheCommit() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            verified.forget();
            // Read after the change began but before it committed: the row as it was.
            verified.keep(verified.check(), "a", "client a as it was", null);
            assertThat(verified.kept("a")).as("before the commit").isEqualTo("client a as it was");

            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            assertThat(verified.kept("a")).as("after the commit").isNull();
        }
        finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void forgetsAllAtOnceBeyondItsCap() {
        verified.keep(verified.check(), "a", "client a", null);
        verified.keep(verified.check(), "b", "client b", null);
        verified.keep(verified.check(), "c", "client c", null);
        verified.keep(verified.check(), "d", "client d", null);

        assertThat(verified.kept("a")).isNull();
        assertThat(verified.kept("d")).isEqualTo("client d");
    }
}
