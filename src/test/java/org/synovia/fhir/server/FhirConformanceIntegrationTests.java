package org.synovia.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.Bookings;
import org.synovia.diary.PatientDiaries;
import org.synovia.diary.DiaryFixtures;
import org.synovia.diary.NewEntry;
import org.synovia.diary.SideEffect;
import org.synovia.fhir.ApiClients;
import org.synovia.fhir.FhirFixtures;
import org.synovia.fhir.IssuedCredentials;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.procedure.ChecklistCheck;
import org.synovia.procedure.ChecklistStep;
import org.synovia.procedure.DrugGiven;
import org.synovia.procedure.IdentityCheck;
import org.synovia.procedure.ProcedureRecord;
import org.synovia.procedure.Visits;
import org.synovia.procedure.Checklists;
import org.synovia.procedure.Consents;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * Builds a referral, a booking and a signed CT-guided procedure through the application, reads every resource type
 * over HTTP as JSON, and validates each raw answer against base R4 with HAPI's validator: no errors allowed.
 */
@SynoviaIntegrationTest
class FhirConformanceIntegrationTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort int port;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired UserAccounts accounts;
    @Autowired Clock clock;
    @Autowired ApiClients clients;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired Sessions sessions;
    @Autowired Bookings bookings;
    @Autowired BookingDesk desk;
    @Autowired Visits visits;
    @Autowired Checklists checklists;
    @Autowired Consents consents;
    @Autowired ProcedureRecords procedureRecords;
    @Autowired SignedProcedures signedProcedures;
    @Autowired ProcedureResources procedureResources;
    @Autowired JdbcClient jdbc;
    @Autowired PatientDiaries patientDiaries;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void everyResourceWeEmitValidatesAgainstBaseR4() throws Exception {
        IssuedCredentials credentials = FhirFixtures.client(accounts, clients, "system/*.rs");
        IGenericClient fhir = FhirFixtures.http(port, credentials);
        var slotStatus = new java.util.concurrent.atomic.AtomicReference<org.hl7.fhir.r4.model.Slot.SlotStatus>();
        Appointment appointment = signedCtProcedure(booked -> slotStatus.set(fhir.read()
                .resource(org.hl7.fhir.r4.model.Slot.class).withId(booked.slotId().toString()).execute().getStatus()));
        var slotStatusWhileBooked = slotStatus.get();
        UUID patientId = appointment.patientId();
        String id = appointment.id().toString();

        List<String> paths = new ArrayList<>(List.of("metadata", "Patient/" + patientId, "ServiceRequest/" + appointment.referralId(),
                "Appointment/" + id, "Slot/" + appointment.slotId(), "Procedure/" + id, "MedicationAdministration/" + id + "-drug-0",
                "Observation/" + id + "-pain-before", "Observation/" + id + "-pain-after-30", "Observation/" + id + "-dlp",
                "Observation/" + id + "-ctdivol", "DiagnosticReport/" + id));
        String schedule = sessions.slot(appointment.slotId()).orElseThrow().templateId().toString();
        paths.add("Schedule/" + schedule);
        for (String search : List.of("ServiceRequest?patient=", "Appointment?patient=", "Procedure?patient=",
                "MedicationAdministration?patient=", "Observation?patient=", "DiagnosticReport?patient=")) {
            paths.add(search + patientId);
        }
        paths.add("Slot?schedule=" + schedule);
        paths.add("Schedule");

        List<String> errors = new ArrayList<>();
        for (String path : paths) {
            String json = get(credentials, path);
            errors.addAll(errors(path, json));
        }
        assertThat(errors).isEmpty();

        // The content, beyond the structure: batch and expiry, the pain score's LOINC code, the dose in UCUM, the PDF.
        MedicationAdministration given = fhir.read().resource(MedicationAdministration.class).withId(id + "-drug-0").execute();
        var medication = (org.hl7.fhir.r4.model.Medication) given.getContained().getFirst();
        assertThat(medication.getBatch().getLotNumber()).isEqualTo("CT7788");
        assertThat(medication.getBatch().getExpirationDateElement().getValueAsString()).isEqualTo(
                LocalDate.now(clock).plusMonths(6).toString());
        Bundle painScores = fhir.search().byUrl("Observation?patient=" + patientId + "&code=http://loinc.org|72514-3")
                .returnBundle(Bundle.class).execute();
        assertThat(painScores.getEntry()).extracting(e -> ((Observation) e.getResource()).getValueQuantity().getValue().intValue())
                .containsExactlyInAnyOrder(6, 3, 2);
        Observation dlp = fhir.read().resource(Observation.class).withId(id + "-dlp").execute();
        assertThat(dlp.getValueQuantity().getCode()).isEqualTo("mGy.cm");
        assertThat(dlp.getValueQuantity().getValue()).isEqualByComparingTo("120.5");
        DiagnosticReport report = fhir.read().resource(DiagnosticReport.class).withId(id).execute();
        assertThat(report.getPresentedFormFirstRep().getContentType()).isEqualTo("application/pdf");
        assertThat(new String(report.getPresentedFormFirstRep().getData(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(fhir.read().resource(Procedure.class).withId(id).execute().getStatus())
                .isEqualTo(Procedure.ProcedureStatus.COMPLETED);
        org.hl7.fhir.r4.model.Appointment booked = (org.hl7.fhir.r4.model.Appointment) fhir.search()
                .byUrl("Appointment?patient=" + patientId).returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
        assertThat(booked.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/" + appointment.referralId());
        assertThat(slotStatusWhileBooked).isEqualTo(org.hl7.fhir.r4.model.Slot.SlotStatus.BUSY);
        assertThat(fhir.read().resource(ServiceRequest.class).withId(appointment.referralId().toString()).execute()
                .getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
    }

    @Test
    void theFluoroscopyDoseObservationsValidateToo() {
        Appointment appointment = signedCtProcedure(booked -> { });
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.RADIOLOGIST));
        SignedProcedures.Signed ct = signedProcedures.find(appointment.id()).orElseThrow();
        ProcedureRecord r = ct.record();
        ProcedureRecord fluoroscopy = new ProcedureRecord(r.operator(), r.assistant(), Guidance.FLUOROSCOPY, r.approach(),
                r.needle(), r.aspirateMl(), r.aspirateAppearance(), r.aspirateSentFor(), r.drugs(), true, true, 2, null,
                new BigDecimal("1.85"), 42, null, null, r.painBefore(), r.complications(),
                true, r.savedAt(), r.savedBy(), r.signedAt(), r.signedBy());
        List<Observation> observations = procedureResources.observations(new SignedProcedures.Signed(ct.appointment(),
                ct.referral(), fluoroscopy, ct.pain()));

        assertThat(observations).extracting(o -> o.getValueQuantity().getCode()).contains("Gy.cm2", "s");
        List<String> errors = new ArrayList<>();
        for (Resource o : observations) {
            errors.addAll(errors(o.getId(), FhirFixtures.R4.newJsonParser().encodeResourceToString(o)));
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void publishesThePatientsDiaryEntriesAndItsSummaryValidAgainstBaseR4() throws Exception {
        DiaryFixtures diaryFixtures = DiaryFixtures.of(context);
        Appointment appointment = diaryFixtures.therapeuticKnee();
        String token = diaryFixtures.link(appointment.id());
        diaryFixtures.injectedAgo(appointment.id(), java.time.Duration.ofHours(25));
        patientDiaries.record(token, new NewEntry("D1", 3, 6, null, Set.of(SideEffect.FLARE), new BigDecimal("9.4"), Set.of()));
        IssuedCredentials credentials = FhirFixtures.client(accounts, clients, "system/QuestionnaireResponse.rs "
                + "system/DiagnosticReport.rs");
        IGenericClient fhir = FhirFixtures.http(port, credentials);
        String id = appointment.id().toString();

        List<String> errors = new ArrayList<>();
        for (String path : List.of("QuestionnaireResponse/" + id + "-diary-d1", "DiagnosticReport/" + id + "-diary",
                "QuestionnaireResponse?patient=" + appointment.patientId())) {
            errors.addAll(errors(path, get(credentials, path)));
        }
        assertThat(errors).isEmpty();

        QuestionnaireResponse entry = fhir.read().resource(QuestionnaireResponse.class).withId(id + "-diary-d1").execute();
        assertThat(entry.getItem()).filteredOn(i -> i.getLinkId().equals("painNow")).singleElement()
                .satisfies(i -> assertThat(i.getAnswerFirstRep().getValueIntegerType().getValue()).isEqualTo(3));
        assertThat(entry.getItem()).filteredOn(i -> i.getLinkId().equals("glucoseMmolL")).singleElement()
                .satisfies(i -> assertThat(i.getAnswerFirstRep().getValueDecimalType().getValue()).isEqualByComparingTo("9.4"));
        DiagnosticReport summary = fhir.read().resource(DiagnosticReport.class).withId(id + "-diary").execute();
        assertThat(summary.getStatus()).isEqualTo(DiagnosticReport.DiagnosticReportStatus.PARTIAL);
        assertThat(summary.getConclusion()).isNotBlank();
        assertThat(new String(summary.getPresentedFormFirstRep().getData(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(fhir.search().byUrl("DiagnosticReport?patient=" + appointment.patientId()).returnBundle(Bundle.class)
                .execute().getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactlyInAnyOrder(id, id + "-diary");
    }

    private static List<String> errors(String where, String json) {
        ValidationResult result = FhirFixtures.validator().validateWithResult(json);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map((SingleValidationMessage m) -> where + ": " + m.getLocationString() + " " + m.getMessage()).toList();
    }

    private String get(IssuedCredentials credentials, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((credentials.client().clientId() + ":" + credentials.secret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/fhir/" + path)).header("Authorization", "Basic " + basic)
                .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /**
     * A CT-guided cervical facet injection, booked (the callback sees it then), moved to now, done and signed, with
     * DLP and CTDIvol recorded.
     */
    private Appointment signedCtProcedure(java.util.function.Consumer<Appointment> whileBooked) {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        var protocol = BookingFixtures.ctCervicalFacet();
        AccountFixtures.signIn(clerk);
        List<UUID> rooms = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            rooms.add(SchedulingFixtures.clinic(sessions, accounts, Guidance.CT, day, LocalTime.of(9, 0), LocalTime.of(10, 0),
                    List.of(protocol.slotMinutes())).room().id());
        }
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                BookingFixtures::cervicalFacetOnApixaban, protocol);
        AccountFixtures.signIn(clerk);
        LocalDate earliest = waitingList.entry(referralId).orElseThrow().earliestDate();
        UUID slotId = sessions.openSlots(new SlotQuery(Guidance.CT, "FACET_CERVICAL", null, null, protocol.slotMinutes(),
                        earliest == null ? LocalDate.now(clock) : earliest, LocalDate.now(clock).plusWeeks(8), null, null))
                .stream().filter(s -> rooms.contains(s.roomId())).findFirst().orElseThrow().id();
        Appointment appointment = desk.book(referralId, slotId);
        whileBooked.accept(appointment);
        // Today's list: the booking rules keep the appointment later, so move it to now.
        BookingFixtures.startAt(jdbc, clock, appointment.id(), Duration.ZERO, Duration.ofMinutes(45));

        AccountFixtures.signIn(radiologist);
        var patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();
        visits.checkIn(appointment.id(), new IdentityCheck(patient.givenName() + " " + patient.familyName(),
                patient.dateOfBirth(), null));
        consents.recordConsent(appointment.id(), consents.consentDocument(appointment.id()).sha256(), true);
        org.synovia.procedure.ProcedureFixtures.unremarkableObservations(checklists, appointment.id(),
                LocalDateTime.now(clock));
        for (ChecklistStep step : List.of(ChecklistStep.SIGN_IN, ChecklistStep.TIME_OUT)) {
            checklists.confirm(appointment.id(), step, everything(appointment, step));
        }
        LocalDate today = LocalDate.now(clock);
        procedureRecords.saveRecord(appointment.id(), new ProcedureRecord("Dr Example", "Nurse Example", Guidance.CT, "posterior",
                "22G 90 mm spinal", null, null, null, List.of(new DrugGiven("Methylprednisolone acetate 40 mg/mL", "40 mg",
                        new BigDecimal("1"), "CT7788", today.plusMonths(6), "periarticular", "C4/5 facet")),
                true, true, 3, null, null, null, new BigDecimal("120.5"), new BigDecimal("3.2"), 6, "none", true,
                null, null, null, null));
        procedureRecords.addPainScore(appointment.id(), 15, 3);
        procedureRecords.addPainScore(appointment.id(), 30, 2);
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT, everything(appointment, ChecklistStep.SIGN_OUT));
        procedureRecords.sign(appointment.id());
        assertThat(referrals.show(new ReferralId(appointment.referralId())).status().name()).isEqualTo("DONE");
        AccountFixtures.signOut();
        return bookings.appointment(appointment.id());
    }

    private Set<String> everything(Appointment appointment, ChecklistStep step) {
        return checklists.checklist(appointment.id()).checks(step).stream().map(ChecklistCheck::code)
                .collect(Collectors.toSet());
    }
}
