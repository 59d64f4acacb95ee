package org.synovia.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.UserAccounts;

/**
 * Search and read values a tester found answered 500 with exception names and SQL: each is now a 400 with an
 * OperationOutcome in plain words (issue 15), and the call is still audited.
 */
@SynoviaIntegrationTest
class FhirOddSearchValuesIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @Autowired JdbcClient jdbc;
    @Autowired org.synovia.patient.Patients patients;

    IssuedCredentials reader;

    @BeforeEach
    void clientThatMayReadEverything() {
        reader = FhirFixtures.client(accounts, clients, "system/*.rs");
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    // The long ids are 65 characters, one over the limit.
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "/Patient?name=%00;                         control character",
            "/Patient?name=Smi%00th;                    control character",
            "/Patient?birthdate=gt2026;                 ranges (gt, lt, ge, le) are not supported",
            "/Patient?birthdate=2026;                   is not a whole day",
            "/Patient/" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + ";   ids here have at most 64",
            "/ServiceRequest/" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "; ids here have at most 64",
            "/ServiceRequest?patient=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "; ids here have at most 64",
    })
    void answersAnOddValueWithA400InPlainWords(String path, String says) throws Exception {
        long auditedBefore = audited();

        HttpResponse<String> answer = get(path);

        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        OperationOutcome outcome = (OperationOutcome) FhirFixtures.R4.newJsonParser().parseResource(answer.body());
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(says);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("SQL").doesNotContain("select ")
                .doesNotContain("org.").doesNotContain("java.").doesNotContain("\\u0000");
        assertThat(audited()).isEqualTo(auditedBefore + 1);
    }

    /**
     * Found by the fuzz round: values HAPI cannot parse as a date were a 500. HAPI refuses them while reading the
     * call, before it reaches a provider or the audit hook: nothing was read, so nothing is audited.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "/Patient?birthdate=00:00;                  Invalid date/time format",
            "/Patient?birthdate=12.5.3;                 Invalid date",
            "/Patient?birthdate=-2147483649;            Invalid date",
    })
    void answersADateItCannotReadWithA400InPlainWords(String path, String says) throws Exception {
        HttpResponse<String> answer = get(path);

        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        OperationOutcome outcome = (OperationOutcome) FhirFixtures.R4.newJsonParser().parseResource(answer.body());
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(says);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("org.").doesNotContain("java.");
    }

    // Found by the fuzz round: HAPI's parser error named java.lang.NumberFormatException, and a NUL reached the database.
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "\"valueInteger\":12;    \"valueInteger\":\"x\";          Invalid attribute value \"x\"",
            "effusion;             eff\\u0000usion;           NUL character",
            "\"valueInteger\":12;    \"valueInteger\":{\"\":\"x\"};   a JSON member has an empty name",
    })
    void answersAnOddResourceWithA400InPlainWords(String valid, String odd, String says) throws Exception {
        IssuedCredentials creator = FhirFixtures.client(accounts, clients, "system/ServiceRequest.c");
        String resource = FhirFixtures.R4.newJsonParser().encodeResourceToString(
                FhirFixtures.kneeReferral(java.util.UUID.randomUUID(), "ODD-" + System.nanoTime()));
        assertThat(resource).contains(valid);

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/fhir/ServiceRequest"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((creator.client().clientId() + ":"
                        + creator.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(resource.replace(valid, odd))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        OperationOutcome outcome = (OperationOutcome) FhirFixtures.R4.newJsonParser().parseResource(answer.body());
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(says);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("SQL");
    }

    // Found by the long fuzz round: an order identifier over the column's 255 characters was a 500 from the database.
    @org.junit.jupiter.api.Test
    void refusesAnOrderIdentifierLongerThanItCanKeep() throws Exception {
        String resource = FhirFixtures.R4.newJsonParser().encodeResourceToString(
                FhirFixtures.kneeReferral(java.util.UUID.randomUUID(), "x".repeat(256)));

        HttpResponse<String> answer = post("/ServiceRequest", resource);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("at most 255 characters").doesNotContain("java.").doesNotContain("ERROR:");
    }

    // Found by the long fuzz round: a transaction entry with a blank resourceType was a 500 from HAPI's parser.
    @org.junit.jupiter.api.Test
    void refusesATransactionEntryWithABlankResourceType() throws Exception {
        HttpResponse<String> answer = post("", """
                {"resourceType": "Bundle", "type": "transaction", "entry": [{"resource": {"resourceType": ""},
                 "request": {"method": "POST", "url": "ServiceRequest"}}]}""");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("could not be read as FHIR").doesNotContain("Exception").doesNotContain("java.");
    }

    /** A date that does not exist (29 February of a common year) in a date answer is refused, and nothing stored. */
    @ParameterizedTest
    @CsvSource({ "2026-01-05, /ServiceRequest", "2026-10-01, /ServiceRequest", "2026-01-05, ''", "2026-10-01, ''" })
    void refusesADateThatDoesNotExistAndStoresNothing(String valid, String path) throws Exception {
        String order = "IMPOSSIBLE-DATE-" + System.nanoTime();
        String resource = FhirFixtures.R4.newJsonParser().encodeResourceToString(
                FhirFixtures.kneeReferral(registeredPatient(), order)).replace(valid, "2027-02-29");

        HttpResponse<String> answer = post(path, path.isEmpty() ? transaction(resource) : resource);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("2027-02-29").doesNotContain("Exception").doesNotContain("java.");
        assertThat(stored(order)).isZero();
    }

    /**
     * Found by the long fuzz round: a text answer that looked like a date but is not one ("2027-02-29" as the
     * referrer's organisation) was stored, then the answer carrying the stored resource failed and said 400, so the
     * client never learned of the referral it had made. Text stays text, and the create is answered with its id.
     */
    @ParameterizedTest
    @CsvSource({ "Test Hospital, /ServiceRequest", "Consultant, /ServiceRequest", "Test Hospital, ''", "Consultant, ''" })
    void answersACreateWhoseTextLooksLikeADateThatDoesNotExist(String text, String path) throws Exception {
        String order = "TEXT-LIKE-A-DATE-" + System.nanoTime();
        String resource = FhirFixtures.R4.newJsonParser().encodeResourceToString(
                FhirFixtures.kneeReferral(registeredPatient(), order)).replace(text, "2027-02-29");

        HttpResponse<String> answer = send(path, path.isEmpty() ? transaction(resource) : resource,
                "system/ServiceRequest.crs system/Patient.rs");

        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
        String made = jdbc.sql("select referral_id::text from fhir_request_identifier where value = ?").param(order)
                .query(String.class).single();
        assertThat(answer.headers().firstValue("Location").orElse("") + answer.body()).contains(made);
        HttpResponse<String> read = get("/ServiceRequest/" + made);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("\"valueString\":\"2027-02-29\"");
    }

    private java.util.UUID registeredPatient() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, org.synovia.account.Role.REFERRER));
        try {
            return ((org.synovia.patient.Registration.Registered) patients.register(
                    org.synovia.patient.PatientFixtures.adult(), false)).patient().id().value();
        } finally {
            AccountFixtures.signOut();
        }
    }

    private static String transaction(String serviceRequest) {
        return """
                {"resourceType": "Bundle", "type": "transaction", "entry": [{"fullUrl": "urn:uuid:9d7e8f4a-1c2b-4d3e-8f9a-0b1c2d3e4f5a",
                 "resource": %s, "request": {"method": "POST", "url": "ServiceRequest"}}]}""".formatted(serviceRequest);
    }

    private long stored(String order) {
        return jdbc.sql("select count(*) from fhir_request_identifier where value = ?").param(order).query(Long.class).single();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(path, body, "system/ServiceRequest.c system/Patient.r");
    }

    private HttpResponse<String> send(String path, String body, String scopes) throws Exception {
        IssuedCredentials creator = FhirFixtures.client(accounts, clients, scopes);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((creator.client().clientId() + ":"
                        + creator.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                .header("Prefer", "return=representation")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long audited() {
        return jdbc.sql("select count(*) from audit_event where username = ?").param(reader.client().clientId())
                .query(Long.class).single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((reader.client().clientId() + ":" + reader.secret())
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir" + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/fhir+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
