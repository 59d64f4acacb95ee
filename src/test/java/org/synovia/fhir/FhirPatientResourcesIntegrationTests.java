package org.synovia.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.SlotFinder;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralSafety;
import org.synovia.referral.Referrals;
import org.synovia.safety.Finding;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.Severity;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.Guidance;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Acceptance;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

/**
 * The patient's own FHIR resources sent with a referral — a MedicationStatement, an AllergyIntolerance, an INR
 * Observation — reach the referral over real HTTP, change what the engine finds and, for a blood thinner, the
 * letter the patient receives (HAZ-87). Where the form and a resource disagree the more cautious fact is kept and
 * both are shown (ADR 0041).
 */
@SynoviaIntegrationTest
class FhirPatientResourcesIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    private static final String REFERRALS = "system/ServiceRequest.crs system/Patient.rs";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired ReferralSafety safety;
    @Autowired Vetting vetting;
    @Autowired SlotFinder slotFinder;
    @Autowired BookingDesk desk;
    @Autowired Sessions sessions;
    @Autowired AcceptedProtocols protocols;
    @Autowired Clock clock;

    UUID patientId;
    ReferralId lastSent;

    @BeforeEach
    void registerPatient() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.RADIOLOGIST));
        patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** A cervical facet referral (CT, contrast) whose form lists no blood thinner and states no known allergies. */
    private ServiceRequest cervicalFacet() {
        ServiceRequest request = FhirFixtures.kneeReferral(patientId, "ORD-" + UUID.randomUUID());
        request.getBodySiteFirstRep().getCodingFirstRep().setCode("FACET_CERVICAL");
        QuestionnaireResponse form = FhirFixtures.form(request);
        form.getItem().removeIf(i -> List.of("antithrombotics", "allergies", "noKnownAllergies").contains(i.getLinkId()));
        form.addItem(FhirFixtures.answer("spinalLevel", new StringType("C4/5")));
        form.addItem(FhirFixtures.answer("noKnownAllergies", new BooleanType(true)));
        return request;
    }

    private ReferralDetails sent(ServiceRequest request, Resource... resources) {
        for (Resource resource : resources) {
            request.addContained(resource);
            request.addSupportingInfo(new Reference("#" + resource.getIdElement().getIdPart()));
        }
        var fhir = FhirFixtures.http(port, FhirFixtures.client(accounts, clients, REFERRALS));
        var created = fhir.create().resource(request).execute();
        lastSent = new ReferralId(UUID.fromString(created.getId().getIdPart()));
        return referrals.show(lastSent).details();
    }

    static MedicationStatement apixaban(String id) {
        MedicationStatement statement = new MedicationStatement();
        statement.setId(id);
        statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        statement.setMedication(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "698090000", "Apixaban")));
        statement.setSubject(new Reference("Patient/x"));
        Dosage dosage = statement.addDosage();
        dosage.getTiming().setRepeat(new Timing.TimingRepeatComponent().setFrequency(2).setPeriod(1)
                .setPeriodUnit(Timing.UnitsOfTime.D));
        dosage.getTiming().getRepeat().addTimeOfDay("08:00:00").addTimeOfDay("20:00:00");
        dosage.addDoseAndRate().setDose(new Quantity().setValue(5).setUnit("mg"));
        return statement;
    }

    static AllergyIntolerance allergy(String id, String snomed, String display) {
        AllergyIntolerance allergy = new AllergyIntolerance();
        allergy.setId(id);
        allergy.setPatient(new Reference("Patient/x"));
        allergy.setCode(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", snomed, display)));
        allergy.addReaction().addManifestation(new CodeableConcept().setText("Urticaria"));
        return allergy;
    }

    static Observation inr(String id, double value, LocalDate on) {
        Observation inr = new Observation();
        inr.setId(id);
        inr.setStatus(Observation.ObservationStatus.FINAL);
        inr.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "6301-6", "INR")));
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
    void aMedicationStatementForApixabanHoldsItAndTheLetterSaysWhenToTakeTheLastDose() throws Exception {
        ReferralDetails details = sent(cervicalFacet(), apixaban("apixaban"));

        assertThat(details.antithrombotics()).singleElement().satisfies(m -> {
            assertThat(m.drug()).isEqualTo(Antithrombotic.APIXABAN);
            assertThat(m.doseTimes()).isEqualTo("08:00, 20:00");
        });
        assertThat(assessedTomorrow(details).planFor(Antithrombotic.APIXABAN)).isPresent();

        Appointment appointment = booked(details);
        LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), LONDON);
        MedicationPlan plan = protocols.checkAt(new ReferralId(appointment.referralId()), start).assessment()
                .planFor(Antithrombotic.APIXABAN).orElseThrow();
        String letter = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> letterFor(appointment), Optional::isPresent)
                .orElseThrow();

        assertThat(plan.lastDose()).isBefore(start);
        assertThat(letter).contains("Take your last apixaban on " + DAY.format(plan.lastDose()) + " at " + TIME.format(plan.lastDose()));
    }

    @Test
    void withoutTheMedicationStatementTheLetterSaysNothingNeedsStopping() throws Exception {
        Appointment appointment = booked(sent(cervicalFacet()));

        String letter = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> letterFor(appointment), Optional::isPresent)
                .orElseThrow();

        assertThat(letter).contains("You do not need to stop any blood-thinning medicine").doesNotContain("apixaban");
    }

    /** HAZ-87: an allergy the form did not list (it said "no known allergies") still reaches the contrast check, and both are shown. */
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "426722004, Iodinated contrast media, IODINATED_CONTRAST",
            "111088007, Latex,                    LATEX",
            "387480006, Lidocaine,                LOCAL_ANAESTHETIC",
            "373568007, Chlorhexidine,            OTHER",
    })
    void anAllergyIntoleranceReachesTheReferralThroughTheSharedCodes(String snomed, String display, String category) {
        ReferralDetails details = sent(cervicalFacet(), allergy("allergy", snomed, display));

        assertThat(details.noKnownAllergies()).isFalse();
        assertThat(details.allergies()).singleElement().satisfies(a -> {
            assertThat(a.category()).hasToString(category);
            assertThat(a.agent()).isEqualTo(display);
        });
        assertThat(details.clinicalQuestion()).contains("allergy to " + display + " (form: no known allergies)");
    }

    @Test
    void aContrastAllergySentAsAResourceStopsTheContrastInjection() {
        ReferralDetails withAllergy = sent(cervicalFacet(), allergy("contrast", "426722004", "Iodinated contrast media"));
        ReferralDetails without = sent(cervicalFacet());

        assertThat(finding(safety.assess(withAllergy), "SAF-040")).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP));
        assertThat(finding(safety.assess(without), "SAF-040")).isEmpty();
    }

    /** A newer INR than the form's wins; on the same day the higher (more cautious) wins; both are shown. */
    @Test
    void anInrObservationOf3Point4WinsOverAnOlderFormValueAndStopsTheWarfarinInjection() {
        LocalDate today = LocalDate.now(clock);
        ServiceRequest request = FhirFixtures.kneeReferral(patientId, "ORD-" + UUID.randomUUID());
        QuestionnaireResponse form = FhirFixtures.form(request);
        form.getItem().removeIf(i -> i.getLinkId().equals("antithrombotics"));
        form.addItem(FhirFixtures.group("antithrombotics", FhirFixtures.answer("drug", new StringType("WARFARIN")),
                FhirFixtures.answer("dose", new StringType("3 mg")), FhirFixtures.answer("frequency", new StringType("ONCE_DAILY")),
                FhirFixtures.answer("doseTimes", new StringType("18:00"))));
        form.addItem(FhirFixtures.answer("inrValue", new org.hl7.fhir.r4.model.DecimalType(new BigDecimal("2.1"))));
        form.addItem(FhirFixtures.answer("inrDate", new org.hl7.fhir.r4.model.DateType(today.minusDays(3).toString())));

        ReferralDetails details = sent(request, inr("inr", 3.4, today));

        assertThat(details.inrValue()).isEqualByComparingTo("3.4");
        assertThat(details.inrDate()).isEqualTo(today);
        assertThat(details.clinicalQuestion()).contains("INR 3.4 on " + today + " (form: 2.1 on " + today.minusDays(3) + ")");
        assertThat(finding(assessedTomorrow(details), "SAF-012")).get()
                .satisfies(f -> assertThat(f.message()).contains("3.4"))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP));
    }

    /**
     * HAZ-88 at the FHIR door: no pregnancy item and no resource is "not recorded" for a man of 36, and the enquiry is
     * asked before CT guidance only, within the enquiry ages.
     */
    @ParameterizedTest(name = "age {0}, {1} → {2}")
    @CsvSource({"36, FACET_CERVICAL, true", "36, KNEE_JOINT, false", "56, FACET_CERVICAL, false"})
    void noPregnancyAnswerIsNotRecordedAndAsksForTheEnquiryOnlyBeforeRadiation(int age, String site, boolean enquiry) {
        patientId = ((Registration.Registered) patients.register(new org.synovia.patient.NewPatient(
                PatientFixtures.uniqueNhsNumber(), null, PatientFixtures.uniqueFamilyName(), "Sam",
                LocalDate.now(clock).minusYears(age).minusDays(1), org.synovia.shared.Sex.MALE, "07700 900123",
                "sam@example.com", "Dr Example", "Example Surgery", null), false)).patient().id().value();
        ServiceRequest request = site.equals("KNEE_JOINT") ? FhirFixtures.kneeReferral(patientId, "ORD-" + UUID.randomUUID())
                : cervicalFacet();
        FhirFixtures.form(request).getItem().removeIf(i -> i.getLinkId().equals("pregnancy"));

        ReferralDetails details = sent(request);

        assertThat(details.pregnancy()).hasToString("NOT_RECORDED");
        Optional<Finding> enquiryFinding = finding(assessedTomorrow(details), "SAF-050");
        assertThat(enquiryFinding.isPresent()).isEqualTo(enquiry);
        enquiryFinding.ifPresent(f -> assertThat(f.message()).contains("Pregnancy status not recorded"));
    }

    /** HAZ-87: a referenced resource the server cannot read is refused by name, never silently ignored. */
    @Test
    void refusesAReferenceToAMedicationStatementItCannotRead() {
        ServiceRequest request = cervicalFacet();
        request.addSupportingInfo(new Reference("MedicationStatement/elsewhere-123"));
        var fhir = FhirFixtures.http(port, FhirFixtures.client(accounts, clients, REFERRALS));

        assertThatThrownBy(() -> fhir.create().resource(request).execute()).isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("MedicationStatement/elsewhere-123");
    }

    /** A record's "yes" beats the form's "no"; the form's own blood-thinner row keeps its times; both accounts are shown. */
    @Test
    void keepsTheMoreCautiousAnswerAndShowsBothWhenTheFormAndTheRecordDisagree() {
        ServiceRequest request = cervicalFacet();
        QuestionnaireResponse form = FhirFixtures.form(request);
        form.addItem(FhirFixtures.answer("advancedLiverDisease", new BooleanType(false)));
        form.addItem(FhirFixtures.group("antithrombotics", FhirFixtures.answer("drug", new StringType("APIXABAN")),
                FhirFixtures.answer("dose", new StringType("5 mg")), FhirFixtures.answer("frequency", new StringType("TWICE_DAILY")),
                FhirFixtures.answer("doseTimes", new StringType("09:00, 21:00"))));
        org.hl7.fhir.r4.model.Condition cirrhosis = new org.hl7.fhir.r4.model.Condition();
        cirrhosis.setId("cirrhosis");
        cirrhosis.setCode(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "19943007", "Cirrhosis of liver")));

        ReferralDetails details = sent(request, cirrhosis, apixaban("apixaban"));

        assertThat(details.advancedLiverDisease()).hasToString("YES");
        assertThat(details.antithrombotics()).singleElement().satisfies(m -> assertThat(m.doseTimes()).isEqualTo("09:00, 21:00"));
        assertThat(details.clinicalQuestion()).startsWith("Left knee OA").contains("advancedLiverDisease yes (form: no)")
                .contains("Apixaban taken at 08:00, 20:00 (form: 09:00, 21:00)");
        assertThat(safety.input(details, safety.requestedProcedure(details)).patient().bleedingRiskFactors().advancedLiverDisease())
                .hasToString("YES");
    }

    @Test
    void refusesAnInrObservationWithoutAValueNamingIt() {
        Observation empty = inr("inr", 1, LocalDate.now(clock));
        empty.setValue(null);
        ServiceRequest request = cervicalFacet();
        request.addContained(empty);
        var fhir = FhirFixtures.http(port, FhirFixtures.client(accounts, clients, REFERRALS));

        assertThatThrownBy(() -> fhir.create().resource(request).execute()).isInstanceOf(UnprocessableEntityException.class)
                .hasMessageContaining("LOINC 6301-6").hasMessageContaining("has no value");
    }

    /** A transaction Bundle: the ServiceRequest references its MedicationStatement and INR by their fullUrls. */
    @Test
    void readsTheResourcesOfATransactionBundleAndAnswersWhereTheyWent() {
        ServiceRequest request = cervicalFacet();
        String order = request.getIdentifierFirstRep().getValue();
        request.addSupportingInfo(new Reference("urn:uuid:5b0ad5b8-7d1c-4d7c-9a55-0c0d3d9f0a01"));
        org.hl7.fhir.r4.model.Bundle bundle = new org.hl7.fhir.r4.model.Bundle()
                .setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:1d6c0a8e-3f0e-4a4e-8f0b-6c2a7f1e9b02").setResource(request).getRequest()
                .setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl("ServiceRequest")
                .setIfNoneExist("identifier=" + FhirFixtures.ORDER_SYSTEM + "|" + order);
        bundle.addEntry().setFullUrl("urn:uuid:5b0ad5b8-7d1c-4d7c-9a55-0c0d3d9f0a01").setResource(apixaban(null)).getRequest()
                .setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl("MedicationStatement");
        bundle.addEntry().setFullUrl("urn:uuid:9e3f1c2a-0b7d-4c55-8a1e-2d4b6f8a0c03").setResource(inr(null, 3.4, LocalDate.now(clock)))
                .getRequest().setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl("Observation");
        var fhir = FhirFixtures.http(port, FhirFixtures.client(accounts, clients, REFERRALS));

        org.hl7.fhir.r4.model.Bundle response = fhir.transaction().withBundle(bundle).execute();

        assertThat(response.getEntry()).hasSize(3);
        String location = response.getEntryFirstRep().getResponse().getLocation();
        assertThat(response.getEntryFirstRep().getResponse().getStatus()).startsWith("201");
        ReferralDetails details = referrals.show(new ReferralId(UUID.fromString(location.replaceAll(".*/", "")))).details();
        assertThat(details.antithrombotics()).extracting(m -> m.drug()).containsExactly(Antithrombotic.APIXABAN);
        assertThat(details.inrValue()).isEqualByComparingTo("3.4");
        assertThat(response.getEntry().get(1).getResponse().getOutcome()).isNotNull();
    }

    @Test
    void refusesATransactionWithAnEntryItDoesNotReadNamingIt() {
        org.hl7.fhir.r4.model.Bundle bundle = new org.hl7.fhir.r4.model.Bundle()
                .setType(org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setResource(cervicalFacet()).getRequest().setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST)
                .setUrl("ServiceRequest");
        bundle.addEntry().setResource(new org.hl7.fhir.r4.model.Procedure()
                .setStatus(org.hl7.fhir.r4.model.Procedure.ProcedureStatus.COMPLETED)).getRequest()
                .setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST).setUrl("Procedure");
        var fhir = FhirFixtures.http(port, FhirFixtures.client(accounts, clients, REFERRALS));

        assertThatThrownBy(() -> fhir.transaction().withBundle(bundle).execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.InvalidRequestException.class)
                .hasMessageContaining("Bundle.entry[1]").hasMessageContaining("Procedure");
    }

    /** Vets the last referral sent as a CT cervical facet, justifying what the engine asks, and books its first slot. */
    private Appointment booked(ReferralDetails details) {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.CT, day, LocalTime.of(18, 0), LocalTime.of(18, 45), List.of(45));
        }
        ReferralId id = lastSent;
        AccountFixtures.signIn(radiologist);
        var protocol = BookingFixtures.ctCervicalFacet();
        Map<String, String> reasons = vetting.recheck(id, protocol).needingJustification().stream()
                .collect(Collectors.toMap(Finding::ruleId, f -> "Justified for the test", (a, b) -> a));
        vetting.accept(id, protocol, new Acceptance(null, null, null, reasons));
        AccountFixtures.signIn(clerk);
        return desk.book(id.value(), slotFinder.search(id.value(), 1).offers().getFirst().slot().id());
    }

    private static java.util.Optional<String> letterFor(Appointment appointment) throws Exception {
        return org.synovia.testing.ReceivedLetters.appointmentLetter(smtp, appointment.id());
    }

}
