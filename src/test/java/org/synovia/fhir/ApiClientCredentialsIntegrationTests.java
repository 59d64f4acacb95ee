package org.synovia.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditTrail;
import org.synovia.testing.StatementCounter;
import org.synovia.testing.TestClock;

/**
 * A client's id and secret, once found right, are not read again on its next calls, and a client disabled is refused
 * at its next call (ADR 0124, HAZ-151).
 */
@SynoviaIntegrationTest
class ApiClientCredentialsIntegrationTests {

    @Autowired ApiClients clients;
    @Autowired UserAccounts accounts;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void readsAVerifiedClientOnceAndChecksAWrongSecretAgainstItsRow() throws Exception {
        IssuedCredentials issued = FhirFixtures.client(accounts, clients, "system/ServiceRequest.rs");
        String id = issued.client().clientId();

        long first = counted(() -> clients.authenticate(id, issued.secret()));
        AtomicReference<Optional<ApiClient>> again = new AtomicReference<>();
        long second = counted(() -> again.getAndSet(clients.authenticate(id, issued.secret())));
        AtomicReference<Optional<ApiClient>> wrong = new AtomicReference<>();
        long wrongSecret = counted(() -> wrong.getAndSet(clients.authenticate(id, issued.secret() + "x")));

        assertThat(first).as("first call reads the client").isEqualTo(1);
        assertThat(second).as("next call, same secret").isZero();
        assertThat(again.get()).hasValueSatisfying(c -> assertThat(c.scopes()).extracting(SmartScope::toString)
                .containsExactly("system/ServiceRequest.rs"));
        assertThat(wrong.get()).as("a wrong secret after the right one").isEmpty();
        assertThat(wrongSecret).as("a wrong secret is checked against the row").isEqualTo(1);
    }

    @Test
    void refusesADisabledClientAtItsNextCallAndAcceptsItOnceEnabledAgain() {
        IssuedCredentials issued = FhirFixtures.client(accounts, clients, "system/Patient.rs");
        String id = issued.client().clientId();
        assertThat(clients.authenticate(id, issued.secret())).isPresent();
        assertThat(clients.authenticate(id, issued.secret())).isPresent();

        AccountFixtures.asNew(accounts, Role.ADMIN, () -> clients.setEnabled(id, false));
        assertThat(clients.authenticate(id, issued.secret())).as("disabled").isEmpty();

        AccountFixtures.asNew(accounts, Role.ADMIN, () -> clients.setEnabled(id, true));
        assertThat(clients.authenticate(id, issued.secret())).as("enabled again").isPresent();
    }

    @Test
    void readsTheClientAgainOnceItsCheckIsThirtySecondsOld() {
        IssuedCredentials issued = FhirFixtures.client(accounts, clients, "system/Patient.rs");
        String id = issued.client().clientId();
        TestClock now = TestClock.at(clock.instant());
        ApiClients onThisClock = new ApiClients(jdbc, accounts, audit, now);
        assertThat(onThisClock.authenticate(id, issued.secret())).isPresent();

        // Disabled as another instance, or an administrator's SQL, would: this instance is not told.
        jdbc.sql("update api_client set enabled = false where client_id = ?").param(id).update();
        now.advance(Duration.ofSeconds(VerifiedCredentials.KEPT_FOR_SECONDS).minusMillis(1));
        assertThat(onThisClock.authenticate(id, issued.secret())).as("within the time a check is trusted").isPresent();
        now.advance(Duration.ofMillis(1));
        assertThat(onThisClock.authenticate(id, issued.secret())).as("once it is that old").isEmpty();
    }

    private static long counted(java.util.concurrent.Callable<?> work) throws Exception {
        return StatementCounter.count(work);
    }
}
