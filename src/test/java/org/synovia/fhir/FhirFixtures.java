package org.synovia.fhir;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.validation.FhirValidator;

/**
 * API clients, HAPI generic clients and a ServiceRequest carrying the referral form, for tests. One FHIR context
 * and one validator serve the whole JVM: the validator's first run loads the R4 definitions (seconds).
 */
public final class FhirFixtures {

    public static final String ORDER_SYSTEM = "https://ehr.example.nhs.uk/Id/order";
    public static final FhirContext R4 = FhirContext.forR4Cached();
    private static FhirValidator validator;

    static {
        R4.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        R4.getRestfulClientFactory().setSocketTimeout(60_000);
    }

    private FhirFixtures() {
    }

    /** A new API client with these scopes, created by a new administrator; signs the administrator out. */
    public static IssuedCredentials client(UserAccounts accounts, ApiClients clients, String scopes) {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.ADMIN));
        try {
            return clients.create("Test EHR " + UUID.randomUUID(), scopes);
        }
        finally {
            AccountFixtures.signOut();
        }
    }

    public static IGenericClient http(int port, IssuedCredentials credentials) {
        IGenericClient client = R4.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        if (credentials != null) {
            client.registerInterceptor(new BasicAuthInterceptor(credentials.client().clientId(), credentials.secret()));
        }
        return client;
    }

    public static synchronized FhirValidator validator() {
        if (validator == null) {
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(R4),
                    new CommonCodeSystemsTerminologyService(R4), new InMemoryTerminologyServerValidationSupport(R4),
                    new SnapshotGeneratingValidationSupport(R4));
            validator = R4.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator;
    }

    /** The knee referral of ReferralFixtures.kneeOnApixaban as a FHIR ServiceRequest for this patient. */
    public static ServiceRequest kneeReferral(UUID patientId, String orderNumber) {
        ServiceRequest request = new ServiceRequest();
        if (orderNumber != null) {
            request.addIdentifier().setSystem(ORDER_SYSTEM).setValue(orderNumber);
        }
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority(ServiceRequest.ServiceRequestPriority.ROUTINE);
        request.setSubject(new Reference("Patient/" + patientId));
        request.addBodySite(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding()
                .setSystem("https://synovia.org/fhir/CodeSystem/injection-site").setCode("KNEE_JOINT")));
        request.addReasonCode().addCoding().setSystem("https://synovia.org/fhir/CodeSystem/indication").setCode("OSTEOARTHRITIS");
        request.addNote().setText("Left knee OA, effusion, failed physiotherapy.");
        QuestionnaireResponse form = new QuestionnaireResponse();
        form.setId("form");
        form.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        form.addItem(answer("laterality", new StringType("LEFT")));
        form.addItem(answer("intent", new StringType("THERAPEUTIC")));
        form.addItem(group("treatments", answer("kind", new StringType("PHYSIOTHERAPY")),
                answer("durationWeeks", new IntegerType(12))));
        form.addItem(group("antithrombotics", answer("drug", new StringType("APIXABAN")), answer("dose", new StringType("5 mg")),
                answer("frequency", new StringType("TWICE_DAILY")), answer("doseTimes", new StringType("08:00, 20:00"))));
        form.addItem(group("previousInjections", answer("siteCode", new StringType("KNEE_JOINT")),
                answer("laterality", new StringType("LEFT")), answer("date", new DateType("2026-01-05")),
                answer("drug", new StringType("Methylprednisolone acetate 40 mg"))));
        form.addItem(answer("otherMedicines", new StringType("Paracetamol 1 g qds")));
        form.addItem(answer("noKnownAllergies", new BooleanType(false)));
        form.addItem(group("allergies", answer("category", new StringType("OTHER")), answer("agent", new StringType("Penicillin")),
                answer("reaction", new StringType("Rash"))));
        form.addItem(answer("diabetes", new StringType("TYPE_2")));
        form.addItem(answer("onInsulin", new BooleanType(true)));
        form.addItem(answer("hba1cMmolPerMol", new IntegerType(70)));
        // Clinical yes/no questions answered no, explicitly: an absent answer would be "not known".
        form.addItem(answer("prostheticJointAtSite", new BooleanType(false)));
        form.addItem(answer("infectionAtSite", new BooleanType(false)));
        form.addItem(answer("systemicInfection", new BooleanType(false)));
        form.addItem(answer("suspectedSepticJoint", new BooleanType(false)));
        form.addItem(answer("previousContrastReaction", new StringType("NO")));
        form.addItem(answer("mechanicalHeartValve", new StringType("NO")));
        form.addItem(answer("pregnancy", new StringType("NOT_APPLICABLE")));
        form.addItem(answer("weightKg", new DecimalType(new BigDecimal("80.5"))));
        form.addItem(answer("creatinineUmolPerL", new IntegerType(90)));
        form.addItem(answer("renalTestDate", new DateType("2026-10-01")));
        form.addItem(answer("requestedInjectate", new StringType("CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC")));
        form.addItem(answer("referrerSetting", new StringType("SECONDARY_CARE")));
        form.addItem(answer("referrerName", new StringType("Dr Test")));
        form.addItem(answer("referrerRole", new StringType("Consultant")));
        form.addItem(answer("referrerOrganisation", new StringType("Test Hospital")));
        form.addItem(answer("referrerPhone", new StringType("0118 496 0000")));
        form.addItem(answer("heightCm", new DecimalType(new BigDecimal("170"))));
        form.addItem(answer("referrerEmail", new StringType("test@example.com")));
        request.addContained(form);
        request.addSupportingInfo(new Reference("#form"));
        return request;
    }

    static QuestionnaireResponseItemComponent answer(String linkId, Type value) {
        QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(linkId);
        item.addAnswer().setValue(value);
        return item;
    }

    static QuestionnaireResponseItemComponent group(String linkId, QuestionnaireResponseItemComponent... items) {
        QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent().setLinkId(linkId);
        group.getItem().addAll(List.of(items));
        return group;
    }

    /** The form's item with this linkId, to change or remove in a test. */
    static QuestionnaireResponse form(ServiceRequest request) {
        return (QuestionnaireResponse) request.getContained().getFirst();
    }
}
