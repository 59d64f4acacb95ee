package org.synovia.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;

/**
 * Every path that answers with a resource checks the caller's read scope, and a create that meets another
 * system's referral answers 409 without it (issue 15, ADR 0054). Raw HTTP, so that the bodies can be read whole.
 */
@SynoviaIntegrationTest
class FhirAnswerScopeIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @Autowired Patients patients;
    @Autowired JdbcClient jdbc;

    UUID patientId;
    IssuedCredentials owner;
    String order;
    String referralId;

    @BeforeEach
    void anotherSystemHasSentAReferral() throws Exception {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        AccountFixtures.signOut();
        owner = FhirFixtures.client(accounts, clients, "system/ServiceRequest.crs system/Patient.rs");
        order = "ORD-" + UUID.randomUUID();
        HttpResponse<String> created = post(owner, "/ServiceRequest", referral(order), conditional(order));
        assertThat(created.statusCode()).isEqualTo(201);
        referralId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/ServiceRequest/([^/]+).*", "$1");
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void refusesAConditionalCreateRepeatingAnotherSystemsIdentifierWithoutItsReferral() throws Exception {
        IssuedCredentials createOnly = FhirFixtures.client(accounts, clients, "system/ServiceRequest.c");

        HttpResponse<String> answer = post(createOnly, "/ServiceRequest", referral(order), conditional(order));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertWithheld(answer);
        assertThat(answer.body()).contains("another system has already sent a referral with this identifier");
        assertThat(referralsOfPatient()).isEqualTo(1);
    }

    @Test
    void refusesABarePostNamingAnotherSystemsIdentifierEvenToAClientThatMayRead() throws Exception {
        IssuedCredentials reader = FhirFixtures.client(accounts, clients, "system/ServiceRequest.crs");

        HttpResponse<String> answer = post(reader, "/ServiceRequest", referral(order), null);

        assertThat(answer.statusCode()).isEqualTo(409);
        assertWithheld(answer);
        assertThat(referralsOfPatient()).isEqualTo(1);
    }

    @Test
    void refusesATransactionRepeatingAnotherSystemsIdentifierWithoutItsReferral() throws Exception {
        IssuedCredentials createOnly = FhirFixtures.client(accounts, clients, "system/ServiceRequest.c");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(FhirFixtures.kneeReferral(patientId, order))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest")
                .setIfNoneExist("identifier=" + FhirFixtures.ORDER_SYSTEM + "|" + order);

        HttpResponse<String> answer = post(createOnly, "", FhirFixtures.R4.newJsonParser().encodeResourceToString(bundle), null);

        assertThat(answer.statusCode()).isEqualTo(409);
        assertWithheld(answer);
        assertThat(referralsOfPatient()).isEqualTo(1);
    }

    @Test
    void answersTheSendersOwnRepeatWithItsIdAndWithItsBodyOnlyWhenItMayRead() throws Exception {
        IssuedCredentials createOnly = FhirFixtures.client(accounts, clients, "system/ServiceRequest.c");
        String ownOrder = "ORD-" + UUID.randomUUID();
        assertThat(post(createOnly, "/ServiceRequest", referral(ownOrder), conditional(ownOrder)).statusCode()).isEqualTo(201);

        HttpResponse<String> repeat = post(createOnly, "/ServiceRequest", referral(ownOrder), conditional(ownOrder));

        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/ServiceRequest/"));
        assertThat(repeat.body()).doesNotContain("\"resourceType\":\"ServiceRequest\"").doesNotContain(patientId.toString());

        HttpResponse<String> ownersRepeat = post(owner, "/ServiceRequest", referral(order), conditional(order));
        assertThat(ownersRepeat.statusCode()).isEqualTo(200);
        assertThat(ownersRepeat.body()).contains("\"resourceType\":\"ServiceRequest\"").contains(referralId);
    }

    @Test
    void refusesSearchResultsToAClientThatMaySearchButNotRead() throws Exception {
        IssuedCredentials searchOnly = FhirFixtures.client(accounts, clients, "system/ServiceRequest.cs");

        HttpResponse<String> byIdentifier = get(searchOnly, "/ServiceRequest?identifier=" + FhirFixtures.ORDER_SYSTEM + "|" + order);
        HttpResponse<String> byPatient = get(searchOnly, "/ServiceRequest?patient=" + patientId);

        assertThat(byIdentifier.statusCode()).isEqualTo(403);
        assertWithheld(byIdentifier);
        assertThat(byIdentifier.body()).contains("it needs system/ServiceRequest.r");
        assertThat(byPatient.statusCode()).isEqualTo(403);
        assertWithheld(byPatient);
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and details like '%answer withheld%'")
                .param(searchOnly.client().clientId()).query(Long.class).single()).isEqualTo(2);
    }

    private void assertWithheld(HttpResponse<String> answer) {
        assertThat(answer.body()).contains("OperationOutcome").doesNotContain("\"resourceType\":\"ServiceRequest\"")
                .doesNotContain(referralId).doesNotContain(patientId.toString()).doesNotContain("Exception");
    }

    private long referralsOfPatient() {
        return jdbc.sql("select count(*) from referral where patient_id = ?").param(patientId).query(Long.class).single();
    }

    private String referral(String orderNumber) {
        return FhirFixtures.R4.newJsonParser().encodeResourceToString(FhirFixtures.kneeReferral(patientId, orderNumber));
    }

    private static String conditional(String orderNumber) {
        return "identifier=" + FhirFixtures.ORDER_SYSTEM + "|" + orderNumber;
    }

    private HttpResponse<String> post(IssuedCredentials client, String path, String body, String ifNoneExist) throws Exception {
        HttpRequest.Builder request = request(client, path).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifNoneExist != null) {
            request.header("If-None-Exist", ifNoneExist);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(IssuedCredentials client, String path) throws Exception {
        return HTTP.send(request(client, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(IssuedCredentials client, String path) {
        String basic = Base64.getEncoder().encodeToString((client.client().clientId() + ":" + client.secret())
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir" + path.replace("|", "%7C")))
                .header("Authorization", "Basic " + basic).header("Accept", "application/fhir+json");
    }
}
