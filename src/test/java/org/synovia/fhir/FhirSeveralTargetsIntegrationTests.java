package org.synovia.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralSafety;
import org.synovia.referral.Referrals;
import org.synovia.referral.RequestedInjectate;
import org.synovia.shared.Laterality;

/** An ordering system's further target reaches the referral and the engine like the form's (HAZ-85, ADR 0040). */
@SynoviaIntegrationTest
class FhirSeveralTargetsIntegrationTests {

    private static final String REFERRALS = "system/ServiceRequest.crs system/Patient.rs";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired ReferralSafety safety;

    UUID patientId;

    @BeforeEach
    void registerPatient() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.RADIOLOGIST));
        patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void takesAFurtherTargetFromTheQuestionnaireResponse() {
        String order = "ORD-" + UUID.randomUUID();
        ServiceRequest request = FhirFixtures.kneeReferral(patientId, order);
        ((QuestionnaireResponse) request.getContained().getFirst()).addItem(FhirFixtures.group("additionalTargets",
                FhirFixtures.answer("siteCode", new StringType("TROCHANTERIC_BURSA")),
                FhirFixtures.answer("laterality", new StringType("LEFT")),
                FhirFixtures.answer("requestedInjectate", new StringType("LOCAL_ANAESTHETIC_ONLY"))));

        var fhir = FhirFixtures.http(port, FhirFixtures.client(accounts, clients, REFERRALS));
        var created = fhir.create().resource(request)
                .conditionalByUrl("ServiceRequest?identifier=" + FhirFixtures.ORDER_SYSTEM + "|" + order).execute();
        ReferralDetails details = referrals.show(new ReferralId(UUID.fromString(created.getId().getIdPart()))).details();

        assertThat(details.additionalTargets()).containsExactly(new ReferralDetails.Target("TROCHANTERIC_BURSA",
                Laterality.LEFT, null, RequestedInjectate.LOCAL_ANAESTHETIC_ONLY));
        assertThat(safety.assess(details).findings()).anySatisfy(f -> assertThat(f.message()).contains("across 2 targets"));

        ServiceRequest read = fhir.read().resource(ServiceRequest.class).withId(created.getId().getIdPart()).execute();
        QuestionnaireResponse answers = (QuestionnaireResponse) read.getContained().stream()
                .filter(r -> r instanceof QuestionnaireResponse).findFirst().orElseThrow();
        assertThat(answers.getItem()).filteredOn(i -> i.getLinkId().equals("additionalTargets")).singleElement()
                .satisfies(group -> assertThat(group.getItem()).anySatisfy(i -> {
                    assertThat(i.getLinkId()).isEqualTo("siteCode");
                    assertThat(i.getAnswerFirstRep().getValue().primitiveValue()).isEqualTo("TROCHANTERIC_BURSA");
                }));
    }
}
