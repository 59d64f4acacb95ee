package org.synovia.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.fhir.ApiClients;
import org.synovia.fhir.FhirFixtures;
import org.synovia.fhir.IssuedCredentials;
import org.synovia.fhir.SmartScope;
import org.synovia.fhir.VerifiedCredentials;
import org.synovia.testing.StatementCounter;
import org.synovia.testing.TestClock;

/**
 * A bearer token, once found right, is not read again on its client's next calls for 30 seconds, never beyond its
 * expiry; a client disabled here is refused at its next call, and a wrong token is read and refused every time
 * (ADR 0127, HAZ-154).
 */
@SynoviaIntegrationTest
class BearerTokenVerifiedIntegrationTests {

    private static final String SEARCH = "/fhir/Patient?name=Nobodyatall";
    private static final List<SmartScope> PATIENT_READ = List.of(SmartScope.parse("system/Patient.rs"));

    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @Autowired AccessTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired TransactionTemplate transactions;
    @Autowired MockMvc mvc;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aSecondCallWithTheSameTokenRunsOneStatementFewerAndAWrongTokenIsReadEveryTime() throws Exception {
        String bearer = issue(tokens, FhirFixtures.client(accounts, clients, "system/Patient.rs"), Duration.ofMinutes(5));
        AtomicInteger status = new AtomicInteger();

        long first = StatementCounter.count(() -> status.getAndSet(call(bearer)));
        assertThat(status).as("first call gets through the bearer filter").doesNotHaveValue(401);
        long second = StatementCounter.count(() -> status.getAndSet(call(bearer)));
        assertThat(status).as("second call").doesNotHaveValue(401);
        long wrong = StatementCounter.count(() -> status.getAndSet(call(bearer + "x")));
        assertThat(status).as("a wrong token").hasValue(401);
        long wrongAgain = StatementCounter.count(() -> status.getAndSet(call(bearer + "x")));
        assertThat(status).as("the same wrong token again").hasValue(401);

        assertThat(second).as("statements of the second call against the first").isEqualTo(first - 1);
        assertThat(wrong).as("a wrong token reads its row").isEqualTo(1);
        assertThat(wrongAgain).as("and reads it again, as nothing wrong is kept").isEqualTo(1);
    }

    @Test
    void refusesAKeptTokenAtItsExpiry() throws Exception {
        TestClock now = TestClock.at(clock.instant());
        AccessTokens onThisClock = new AccessTokens(jdbc, clients, now);
        String bearer = issue(onThisClock, FhirFixtures.client(accounts, clients, "system/Patient.rs"),
                Duration.ofSeconds(10));
        assertThat(onThisClock.authenticate(bearer)).isPresent();

        now.advance(Duration.ofSeconds(10).minusMillis(1));
        AtomicReference<Optional<AccessTokens.Bearer>> justBefore = new AtomicReference<>();
        assertThat(StatementCounter.count(() -> justBefore.getAndSet(onThisClock.authenticate(bearer))))
                .as("kept, not read").isZero();
        assertThat(justBefore.get()).as("a millisecond before it expires").isPresent();
        now.advance(Duration.ofMillis(1));
        assertThat(onThisClock.authenticate(bearer)).as("at its expiry, though kept for less than 30 s").isEmpty();
    }

    @Test
    void acceptsATokenDeletedBySqlForThirtySecondsThenRefusesIt() {
        TestClock now = TestClock.at(clock.instant());
        AccessTokens onThisClock = new AccessTokens(jdbc, clients, now);
        String bearer = issue(onThisClock, FhirFixtures.client(accounts, clients, "system/Patient.rs"),
                Duration.ofMinutes(5));
        assertThat(onThisClock.authenticate(bearer)).isPresent();

        // Deleted as another instance, or an administrator's SQL, would: this instance is not told.
        jdbc.sql("delete from api_access_token where token_hash = ?").param("sha256:"
                + org.synovia.shared.Secrets.sha256Hex(bearer)).update();
        now.advance(Duration.ofSeconds(VerifiedCredentials.KEPT_FOR_SECONDS).minusMillis(1));
        assertThat(onThisClock.authenticate(bearer)).as("within the time a check is trusted").isPresent();
        now.advance(Duration.ofMillis(1));
        assertThat(onThisClock.authenticate(bearer)).as("once it is that old").isEmpty();
    }

    @Test
    void refusesAKeptTokenAtTheNextCallOnceItsClientIsDisabledHereAndAcceptsItOnceEnabledAgain() throws Exception {
        IssuedCredentials client = FhirFixtures.client(accounts, clients, "system/Patient.rs");
        String bearer = issue(tokens, client, Duration.ofMinutes(5));
        assertThat(fhir(bearer).statusCode()).isEqualTo(200);
        assertThat(fhir(bearer).statusCode()).as("kept").isEqualTo(200);

        AccountFixtures.asNew(accounts, Role.ADMIN, () -> clients.setEnabled(client.client().clientId(), false));
        assertThat(fhir(bearer).statusCode()).as("its client disabled").isEqualTo(401);

        AccountFixtures.asNew(accounts, Role.ADMIN, () -> clients.setEnabled(client.client().clientId(), true));
        assertThat(fhir(bearer).statusCode()).as("its client enabled again").isEqualTo(200);
    }

    @Test
    void forgetsAKeptTokenWhenItsClientsKeysChange() throws Exception {
        TestClock now = TestClock.at(clock.instant());
        AccessTokens onThisClock = new AccessTokens(jdbc, clients, now);
        IssuedCredentials client = FhirFixtures.client(accounts, clients, "system/Patient.rs");
        String bearer = issue(onThisClock, client, Duration.ofMinutes(5));
        assertThat(onThisClock.authenticate(bearer)).isPresent();

        AccountFixtures.asNew(accounts, Role.ADMIN, () -> clients.registerKeys(client.client().clientId(), null, null));

        assertThat(StatementCounter.count(() -> onThisClock.authenticate(bearer).orElseThrow()))
                .as("read again after the change").isEqualTo(1);
    }

    private String issue(AccessTokens issuer, IssuedCredentials client, Duration lifetime) {
        return transactions.execute(tx -> issuer.issue(client.client().clientId(), PATIENT_READ, lifetime)).token();
    }

    /** The call through the FHIR chain's filters on this thread, where its statements are counted. */
    private int call(String bearer) throws Exception {
        return mvc.perform(get(SEARCH).header("Authorization", "Bearer " + bearer)).andReturn().getResponse().getStatus();
    }

    private HttpResponse<String> fhir(String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + SEARCH))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
