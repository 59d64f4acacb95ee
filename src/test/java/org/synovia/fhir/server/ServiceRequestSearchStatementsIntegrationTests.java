package org.synovia.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.fhir.ApiClients;
import org.synovia.fhir.FhirFixtures;
import org.synovia.fhir.IssuedCredentials;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.testing.StatementCounter;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.param.ReferenceParam;

/**
 * A ServiceRequest search by patient costs the same statements for six referrals as for two, and a read its fixed few
 * (issue 16).
 */
@SynoviaIntegrationTest
class ServiceRequestSearchStatementsIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @Autowired Patients patients;
    @Autowired ServiceRequestProvider serviceRequests;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void searchByPatientDoesNotReadPerReferral() throws Exception {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        AccountFixtures.signOut();
        IssuedCredentials credentials = FhirFixtures.client(accounts, clients, "system/*.crs");
        IGenericClient fhir = FhirFixtures.http(port, credentials);
        send(fhir, patientId, 2);

        long forTwo = statementsOfSearch(credentials, patientId, 2);
        send(fhir, patientId, 4);
        long forSix = statementsOfSearch(credentials, patientId, 6);

        assertThat(forSix).as("statements for six referrals against two").isEqualTo(forTwo);
    }

    @Test
    void readRunsItsFixedStatementsOnly() throws Exception {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        AccountFixtures.signOut();
        IssuedCredentials credentials = FhirFixtures.client(accounts, clients, "system/*.crs");
        String id = FhirFixtures.http(port, credentials).create()
                .resource(FhirFixtures.kneeReferral(patientId, "S-" + UUID.randomUUID())).execute().getId().getIdPart();

        List<String> statements = asClient(credentials, () -> StatementCounter.record(() -> {
            ServiceRequest read = serviceRequests.read(new IdType("ServiceRequest", id), new SystemRequestDetails());
            assertThat(read.getIdentifier()).anySatisfy(i -> assertThat(i.getSystem()).isEqualTo(FhirFixtures.ORDER_SYSTEM));
            return read;
        }));

        // The referral with its lists, its ordering system's identifier, and the audit lines in one insert.
        assertThat(statements).as(String.join("\n", statements)).hasSize(READ_STATEMENTS);
    }

    /** What a read costs: see {@link #readRunsItsFixedStatementsOnly}. */
    private static final int READ_STATEMENTS = 3;

    private static <T> T asClient(IssuedCredentials credentials, java.util.concurrent.Callable<T> work) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                credentials.client().clientId(), null, List.of(new SimpleGrantedAuthority("ROLE_INTEGRATION"),
                        new SimpleGrantedAuthority(FhirSecurityConfiguration.SCOPE_PREFIX + "system/*.crs"))));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void send(IGenericClient fhir, UUID patientId, int referrals) {
        for (int i = 0; i < referrals; i++) {
            fhir.create().resource(FhirFixtures.kneeReferral(patientId, "S-" + UUID.randomUUID())).execute();
        }
    }

    /** The provider's search as the client would run it over HTTP, on this thread so that its statements are counted. */
    private long statementsOfSearch(IssuedCredentials credentials, UUID patientId, int expected) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                credentials.client().clientId(), null, List.of(new SimpleGrantedAuthority("ROLE_INTEGRATION"),
                        new SimpleGrantedAuthority(FhirSecurityConfiguration.SCOPE_PREFIX + "system/*.crs"))));
        try {
            return StatementCounter.count(() -> {
                List<ServiceRequest> found = serviceRequests.search(new ReferenceParam("Patient/" + patientId), null, null,
                        null, null, new SystemRequestDetails());
                assertThat(found).hasSize(expected).allSatisfy(request -> assertThat(request.getIdentifier())
                        .anySatisfy(id -> assertThat(id.getSystem()).isEqualTo(FhirFixtures.ORDER_SYSTEM)));
                return found;
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
