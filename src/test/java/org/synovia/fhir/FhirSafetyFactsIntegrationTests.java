package org.synovia.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
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
import org.synovia.safety.Finding;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.Severity;
import org.synovia.shared.YesNoUnknown;

/**
 * The safety facts a FHIR ServiceRequest carries, in its QuestionnaireResponse (three-valued answers) and in
 * contained LOINC Observations, reach the referral and change what the engine finds.
 */
@SynoviaIntegrationTest
class FhirSafetyFactsIntegrationTests {

    private static final String REFERRALS = "system/ServiceRequest.crs system/Patient.rs";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired ReferralSafety safety;
    @Autowired Clock clock;

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

    /** The knee referral on warfarin, with the yes/no items given (null drops the item) and contained Observations. */
    private ReferralDetails sent(Boolean infectionAtSite, Boolean olderAge, Observation... observations) {
        String order = "ORD-" + UUID.randomUUID();
        ServiceRequest request = FhirFixtures.kneeReferral(patientId, order);
        QuestionnaireResponse form = (QuestionnaireResponse) request.getContained().getFirst();
        form.getItem().removeIf(i -> i.getLinkId().equals("infectionAtSite") || i.getLinkId().equals("antithrombotics"));
        form.addItem(FhirFixtures.group("antithrombotics", FhirFixtures.answer("drug", new StringType("WARFARIN")),
                FhirFixtures.answer("dose", new StringType("3 mg")), FhirFixtures.answer("frequency", new StringType("ONCE_DAILY")),
                FhirFixtures.answer("doseTimes", new StringType("18:00"))));
        if (infectionAtSite != null) {
            form.addItem(FhirFixtures.answer("infectionAtSite", new BooleanType(infectionAtSite)));
        }
        if (olderAge != null) {
            form.addItem(FhirFixtures.answer("olderAge", new BooleanType(olderAge)));
        }
        for (Observation observation : observations) {
            request.addContained(observation);
            request.addSupportingInfo(new Reference("#" + observation.getIdElement().getIdPart()));
        }
        var fhir = FhirFixtures.http(port, FhirFixtures.client(accounts, clients, REFERRALS));
        var created = fhir.create().resource(request)
                .conditionalByUrl("ServiceRequest?identifier=" + FhirFixtures.ORDER_SYSTEM + "|" + order).execute();
        return referrals.show(new ReferralId(UUID.fromString(created.getId().getIdPart()))).details();
    }

    private static Observation inr(String id, String loinc, double value, LocalDate on) {
        Observation inr = new Observation();
        inr.setId(id);
        inr.setStatus(Observation.ObservationStatus.FINAL);
        inr.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", loinc, "INR")));
        inr.setValue(new Quantity().setValue(value).setUnit("{INR}").setSystem("http://unitsofmeasure.org").setCode("{INR}"));
        inr.setEffective(new DateTimeType(on.toString()));
        return inr;
    }

    private SafetyAssessment assessedTomorrow(ReferralDetails details) {
        return safety.assess(details, safety.requestedProcedure(details)
                .withStart(LocalDate.now(clock).plusDays(1).atTime(LocalTime.of(10, 0))));
    }

    private static Optional<Finding> finding(SafetyAssessment assessment, String ruleId) {
        return assessment.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
    }

    @Test
    void anInfectionItemLeftOutIsNotKnownAndAnExplicitFalseIsNo() {
        ReferralDetails leftOut = sent(null, null);
        ReferralDetails no = sent(false, null);

        assertThat(leftOut.infectionAtSite()).isEqualTo(YesNoUnknown.NOT_KNOWN);
        assertThat(no.infectionAtSite()).isEqualTo(YesNoUnknown.NO);
        assertThat(finding(safety.assess(leftOut), "SAF-020")).get().satisfies(f -> assertThat(f.message()).contains("CI-01"));
        assertThat(finding(safety.assess(no), "SAF-020")).isEmpty();
    }

    @Test
    void aContainedInrObservationWithItsDateDecidesTheWarfarinCheck() {
        LocalDate today = LocalDate.now(clock);
        ReferralDetails inRange = sent(false, null, inr("inr", "6301-6", 2.1, today));
        ReferralDetails tooHigh = sent(false, null, inr("inr", "34714-6", 3.7, today));
        ReferralDetails none = sent(false, null);

        assertThat(inRange.inrValue()).isEqualByComparingTo(new BigDecimal("2.1"));
        assertThat(inRange.inrDate()).isEqualTo(today);
        assertThat(finding(assessedTomorrow(inRange), "SAF-012")).get()
                .satisfies(f -> assertThat(f.message()).contains("2.1"))
                .satisfies(f -> assertThat(f.severity()).isNotEqualTo(Severity.STOP));
        assertThat(finding(assessedTomorrow(tooHigh), "SAF-012")).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP));
        assertThat(finding(assessedTomorrow(none), "SAF-012")).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
    }

    @Test
    void olderAgeAnsweredYesReachesTheBleedingRiskFactors() {
        ReferralDetails older = sent(false, true);
        ReferralDetails notAsked = sent(false, null);

        assertThat(older.olderAge()).isEqualTo(YesNoUnknown.YES);
        assertThat(notAsked.olderAge()).isEqualTo(YesNoUnknown.NOT_KNOWN);
        assertThat(safety.input(older, safety.requestedProcedure(older)).patient().bleedingRiskFactors().olderAge())
                .isEqualTo(YesNoUnknown.YES);
    }
}
