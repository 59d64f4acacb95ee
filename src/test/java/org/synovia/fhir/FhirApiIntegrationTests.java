package org.synovia.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
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
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

/** The FHIR API over HTTP with HAPI's generic client: referrals in, searches, validation, scopes and audit. */
@SynoviaIntegrationTest
class FhirApiIntegrationTests {

    private static final String REFERRALS = "system/ServiceRequest.crs system/Patient.rs";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired Clock clock;
    @Autowired ApiClients clients;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired JdbcClient jdbc;

    UUID patientId;
    String nhsNumber;

    @BeforeEach
    void registerPatient() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        var registered = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient();
        patientId = registered.id().value();
        nhsNumber = registered.nhsNumber().value();
        AccountFixtures.signOut();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private IGenericClient fhir(String scopes) {
        return FhirFixtures.http(port, FhirFixtures.client(accounts, clients, scopes));
    }

    private static String order() {
        return "ORD-" + UUID.randomUUID();
    }

    private MethodOutcome createOnce(IGenericClient fhir, ServiceRequest request, String order) {
        return fhir.create().resource(request)
                .conditionalByUrl("ServiceRequest?identifier=" + FhirFixtures.ORDER_SYSTEM + "|" + order).execute();
    }

    @Test
    void storesTheReferralTheFormWouldStoreAndReadsItBackTheSame() {
        IGenericClient fhir = fhir(REFERRALS);
        String order = order();

        MethodOutcome created = createOnce(fhir, FhirFixtures.kneeReferral(patientId, order), order);

        assertThat(created.getCreated()).isTrue();
        Referral stored = referrals.show(new ReferralId(UUID.fromString(created.getId().getIdPart())));
        assertThat(stored.details()).isEqualTo(ReferralFixtures.kneeOnApixaban(patientId));
        assertThat(stored.submittedBy()).startsWith("fhir-");

        ServiceRequest read = fhir.read().resource(ServiceRequest.class).withId(created.getId().getIdPart()).execute();
        assertThat(read.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(read.getMeta().getTag()).singleElement().satisfies(t -> assertThat(t.getCode()).isEqualTo("SUBMITTED"));
        assertThat(read.getIdentifier()).anySatisfy(i -> assertThat(i.getValue()).isEqualTo(order));
        assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        assertThat(read.getBodySiteFirstRep().getText()).isEqualTo("Left Knee joint".replace("Knee joint",
                read.getBodySiteFirstRep().getCodingFirstRep().getDisplay()));

        // What we emit is what we accept: sent back under a new identifier it makes an identical referral.
        String again = order();
        read.setId((String) null);
        read.getIdentifier().clear();
        read.addIdentifier().setSystem(FhirFixtures.ORDER_SYSTEM).setValue(again);
        MethodOutcome copy = createOnce(fhir, read, again);
        assertThat(referrals.show(new ReferralId(UUID.fromString(copy.getId().getIdPart()))).details())
                .isEqualTo(stored.details());
    }

    @Test
    void searchesReferralsByPatientStatusAuthoredDateAndIdentifier() {
        IGenericClient fhir = fhir(REFERRALS);
        String order = order();
        String id = createOnce(fhir, FhirFixtures.kneeReferral(patientId, order), order).getId().getIdPart();

        assertThat(ids(fhir.search().forResource(ServiceRequest.class).where(ServiceRequest.PATIENT.hasId("Patient/" + patientId))
                .returnBundle(Bundle.class).execute())).containsExactly(id);
        assertThat(ids(fhir.search().byUrl("ServiceRequest?patient=" + patientId + "&status=active&authored=ge"
                + LocalDate.now(clock).minusDays(1)).returnBundle(Bundle.class).execute())).containsExactly(id);
        assertThat(ids(fhir.search().byUrl("ServiceRequest?patient=" + patientId + "&status=completed")
                .returnBundle(Bundle.class).execute())).isEmpty();
        assertThat(ids(fhir.search().byUrl("ServiceRequest?patient=" + patientId + "&authored=lt2020-01-01")
                .returnBundle(Bundle.class).execute())).isEmpty();
        assertThat(ids(fhir.search().byUrl("ServiceRequest?identifier=" + FhirFixtures.ORDER_SYSTEM + "|" + order)
                .returnBundle(Bundle.class).execute())).containsExactly(id);
        assertThat(ids(fhir.search().byUrl("ServiceRequest?identifier=" + order).returnBundle(Bundle.class).execute()))
                .containsExactly(id);
        assertThat(ids(fhir.search().byUrl("ServiceRequest?identifier=https://other.example/Id/order|" + order)
                .returnBundle(Bundle.class).execute())).isEmpty();
    }

    @Test
    void conditionalCreateFromEightThreadsAtOnceMakesExactlyOneReferral() throws Exception {
        IssuedCredentials credentials = FhirFixtures.client(accounts, clients, REFERRALS);
        String order = order();
        int threads = 8;
        CountDownLatch ready = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<MethodOutcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    IGenericClient fhir = FhirFixtures.http(port, credentials);
                    ServiceRequest request = FhirFixtures.kneeReferral(patientId, order);
                    ready.countDown();
                    ready.await();
                    return createOnce(fhir, request, order);
                }));
            }
            List<MethodOutcome> outcomes = new ArrayList<>();
            for (Future<MethodOutcome> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes.stream().map(o -> o.getId().getIdPart()).distinct()).hasSize(1);
            assertThat(outcomes.stream().filter(o -> Boolean.TRUE.equals(o.getCreated()))).hasSize(1);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from referral where patient_id = ?").param(patientId).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from fhir_request_identifier where value = ?").param(order).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void refusesAReferralTheFormWouldRefuseNamingEachFieldWithTheFormsMessage() {
        IGenericClient fhir = fhir(REFERRALS);
        ServiceRequest incomplete = FhirFixtures.kneeReferral(patientId, order());
        incomplete.getBodySite().clear();
        QuestionnaireResponse form = FhirFixtures.form(incomplete);
        form.getItem().removeIf(item -> item.getLinkId().equals("diabetes"));
        form.getItem().stream().filter(item -> item.getLinkId().equals("allergies")).findFirst().orElseThrow()
                .getItem().removeIf(item -> item.getLinkId().equals("reaction"));

        Map<String, String> problems = problems(() -> fhir.create().resource(incomplete).execute());

        assertThat(problems).containsEntry("ServiceRequest.bodySite", "Choose the site to inject.")
                .containsEntry("ServiceRequest.contained.ofType(QuestionnaireResponse).item.where(linkId='diabetes')",
                        "Say whether the patient has diabetes.")
                .containsEntry("ServiceRequest.contained.ofType(QuestionnaireResponse).item.where(linkId='allergies')[0]"
                        + ".item.where(linkId='reaction')", "Describe the reaction (or 'not known').");
        assertThat(jdbc.sql("select count(*) from referral where patient_id = ?").param(patientId).query(Long.class).single())
                .isZero();
    }

    @Test
    void refusesABadNhsNumberAnUnknownChoiceAndAnItemNotOnTheForm() {
        IGenericClient fhir = fhir(REFERRALS);
        ServiceRequest byNhsNumber = FhirFixtures.kneeReferral(patientId, order());
        byNhsNumber.setSubject(new Reference().setIdentifier(new org.hl7.fhir.r4.model.Identifier()
                .setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(nhsNumber.substring(0, 9) + ((nhsNumber.charAt(9) - '0' + 1) % 10))));
        assertThat(problems(() -> fhir.create().resource(byNhsNumber).execute()))
                .containsEntry("ServiceRequest.subject", "This is not a valid NHS number: its check digit is wrong.");

        ServiceRequest typo = FhirFixtures.kneeReferral(patientId, order());
        FhirFixtures.form(typo).getItem().stream().filter(i -> i.getLinkId().equals("diabetes")).findFirst().orElseThrow()
                .getAnswerFirstRep().setValue(new StringType("TYPE_9"));
        assertThat(problems(() -> fhir.create().resource(typo).execute()))
                .containsEntry("ServiceRequest.contained.ofType(QuestionnaireResponse).item.where(linkId='diabetes')",
                        "'TYPE_9' is not one of the choices: NONE, TYPE_1, TYPE_2, OTHER.");

        ServiceRequest extra = FhirFixtures.kneeReferral(patientId, order());
        FhirFixtures.form(extra).addItem(FhirFixtures.answer("favouriteColour", new StringType("blue")));
        assertThat(problems(() -> fhir.create().resource(extra).execute()))
                .containsEntry("ServiceRequest.contained.ofType(QuestionnaireResponse).item.where(linkId='favouriteColour')",
                        "This item is not on the referral form.");

        ServiceRequest byKnownNhsNumber = FhirFixtures.kneeReferral(patientId, order());
        byKnownNhsNumber.setSubject(new Reference().setIdentifier(new org.hl7.fhir.r4.model.Identifier()
                .setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(nhsNumber)));
        assertThat(fhir.create().resource(byKnownNhsNumber).execute().getCreated()).isTrue();
    }

    @Test
    void givesThePostalAddressAsAHomePostalAddressAndNoneWhenNoneIsRecorded() {
        IGenericClient fhir = fhir("system/Patient.rs");
        org.hl7.fhir.r4.model.Address address = fhir.read().resource(Patient.class).withId(patientId.toString()).execute()
                .getAddressFirstRep();
        assertThat(address.getLine()).extracting(org.hl7.fhir.r4.model.StringType::getValue)
                .containsExactly("1 Test Street", "Testfield");
        assertThat(address.getCity()).isEqualTo("Testville");
        assertThat(address.getPostalCode()).isEqualTo("ZZ1 1TS");
        assertThat(address.getUse()).isEqualTo(org.hl7.fhir.r4.model.Address.AddressUse.HOME);
        assertThat(address.getType()).isEqualTo(org.hl7.fhir.r4.model.Address.AddressType.POSTAL);

        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        UUID withoutAddress = ((Registration.Registered) patients.register(org.synovia.testing.RecordCopies.with(
                PatientFixtures.adult(), "address", null), false)).patient().id().value();
        AccountFixtures.signOut();
        assertThat(fhir.read().resource(Patient.class).withId(withoutAddress.toString()).execute().hasAddress()).isFalse();
    }

    @Test
    void findsPatientsByNhsNumberNameAndBirthDateAndRefusesABadNhsNumber() {
        IGenericClient fhir = fhir("system/Patient.rs");
        Patient byNumber = (Patient) fhir.search().byUrl("Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhsNumber)
                .returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
        assertThat(byNumber.getIdElement().getIdPart()).isEqualTo(patientId.toString());
        String family = byNumber.getNameFirstRep().getFamily();
        assertThat(ids(fhir.search().byUrl("Patient?name=" + family + "&birthdate=1970-03-14").returnBundle(Bundle.class)
                .execute())).containsExactly(patientId.toString());
        assertThat(fhir.read().resource(Patient.class).withId(patientId.toString()).execute().getBirthDateElement()
                .getValueAsString()).isEqualTo("1970-03-14");

        assertThatThrownBy(() -> fhir.search().byUrl("Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|1234567890")
                .returnBundle(Bundle.class).execute()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not a valid NHS number");
    }

    @Test
    void refusesCallsWithoutCredentialsOrOutsideTheClientsScopesAndAuditsEveryCall() {
        IssuedCredentials readPatients = FhirFixtures.client(accounts, clients, "system/Patient.r");
        IGenericClient fhir = FhirFixtures.http(port, readPatients);
        IGenericClient anonymous = FhirFixtures.http(port, null);
        IGenericClient wrongSecret = FhirFixtures.http(port,
                new IssuedCredentials(readPatients.client(), readPatients.secret() + "x"));

        var rest = anonymous.capabilities().ofType(CapabilityStatement.class).execute().getRestFirstRep();
        assertThat(rest.getResource()).extracting(r -> r.getType())
                .contains("Patient", "ServiceRequest", "Appointment", "Slot", "Schedule", "Procedure", "MedicationAdministration",
                        "Observation", "DiagnosticReport", "QuestionnaireResponse");
        assertThat(rest.getSecurity().getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("Basic");
        AuthenticationException unauthenticated = catchThrowableOfType(AuthenticationException.class,
                () -> anonymous.read().resource(Patient.class).withId(patientId.toString()).execute());
        assertThat(unauthenticated.getStatusCode()).isEqualTo(401);
        assertThat(((OperationOutcome) unauthenticated.getOperationOutcome()).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.LOGIN);
        assertThatThrownBy(() -> wrongSecret.read().resource(Patient.class).withId(patientId.toString()).execute())
                .isInstanceOf(AuthenticationException.class);
        assertThat(fhir.read().resource(Patient.class).withId(patientId.toString()).execute().getIdElement().getIdPart())
                .isEqualTo(patientId.toString());

        ForbiddenOperationException refused = catchThrowableOfType(ForbiddenOperationException.class,
                () -> fhir.create().resource(FhirFixtures.kneeReferral(patientId, order())).execute());
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("system/ServiceRequest.c");
        assertThatThrownBy(() -> fhir.search().byUrl("Patient?name=Smith").returnBundle(Bundle.class).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThat(jdbc.sql("select count(*) from referral where patient_id = ?").param(patientId).query(Long.class).single())
                .isZero();

        List<String> audited = jdbc.sql("select action || ' ' || record_type || ' ' || coalesce(details, '') from audit_event "
                + "where username = ? order by id").param(readPatients.client().clientId()).query(String.class).list();
        assertThat(audited).containsExactly("READ FHIR Patient GET Patient/" + patientId, "READ Patient ",
                "CREATE FHIR ServiceRequest POST ServiceRequest refused: no scope system/ServiceRequest.c",
                "SEARCH FHIR Patient GET Patient?name=Smith refused: no scope system/Patient.s");
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    /** The issues of the 422 answer: FHIRPath expression to the message shown beside the form field. */
    private static Map<String, String> problems(Runnable call) {
        UnprocessableEntityException refused = catchThrowableOfType(UnprocessableEntityException.class, call::run);
        assertThat(refused).as("a 422 answer").isNotNull();
        assertThat(refused.getStatusCode()).isEqualTo(422);
        OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
        return outcome.getIssue().stream().collect(Collectors.toMap(i -> i.getExpression().getFirst().getValue(),
                i -> i.getDetails().getText(), (a, b) -> a + " | " + b));
    }
}
