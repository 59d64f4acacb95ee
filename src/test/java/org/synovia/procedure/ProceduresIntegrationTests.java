package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.hamcrest.Matchers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures.Clinic;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

@SynoviaIntegrationTest
@RecordApplicationEvents
class ProceduresIntegrationTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired Visits visits;
    @Autowired Checklists checklists;
    @Autowired Consents consents;
    @Autowired ProcedureRecords procedureRecords;
    @Autowired ProcedureReports procedureReports;

    @Autowired Clock clock;
    @Autowired BookingDesk desk;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    @Autowired org.springframework.context.ApplicationContext context;

    /** As the schema's owner: the application's role is refused these by grant before any trigger (ADR 0048). */
    private JdbcClient owner() {
        return JdbcClient.create(org.synovia.database.EmbeddedDatabaseLogins.as(context,
                org.synovia.database.EmbeddedDatabaseLogins.OWNER));
    }
    @Autowired MockMvc mvc;
    @Autowired ApplicationEvents events;

    UserAccount clerk;
    UserAccount referrer;
    UserAccount radiologist;
    UserAccount nurse;

    @BeforeEach
    void setUp() {
        clerk = AccountFixtures.create(accounts, Role.BOOKING);
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        nurse = AccountFixtures.create(accounts, Role.NURSE);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** A patient on apixaban booked into the first safe slot of a new ultrasound room; leaves the clerk signed in. */
    private Appointment bookedKneeOnApixaban() {
        return booked(Guidance.ULTRASOUND, "KNEE_JOINT", ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
    }

    private Appointment booked(Guidance guidance, String siteCode,
            java.util.function.Function<UUID, org.synovia.referral.ReferralDetails> details, org.synovia.vetting.Protocol protocol) {
        AccountFixtures.signIn(clerk);
        List<Clinic> clinics = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            clinics.add(SchedulingFixtures.clinic(sessions, accounts, guidance, day, LocalTime.of(9, 0),
                    LocalTime.of(10, 0), List.of(protocol.slotMinutes())));
        }
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                details, protocol);
        AccountFixtures.signIn(clerk);
        LocalDate earliest = waitingList.entry(referralId).orElseThrow().earliestDate();
        List<UUID> rooms = clinics.stream().map(c -> c.room().id()).toList();
        UUID slotId = sessions.openSlots(new SlotQuery(guidance, siteCode, null, null, protocol.slotMinutes(),
                        earliest == null ? LocalDate.now(clock) : earliest, LocalDate.now(clock).plusWeeks(8), null, null))
                .stream().filter(s -> rooms.contains(s.roomId())).findFirst().orElseThrow().id();
        return desk.book(referralId, slotId);
    }

    /** Moves the appointment to start now, so that it is on today's list (the booking rules keep it later). */
    private void startsNow(Appointment appointment) {
        BookingFixtures.startAt(jdbc, clock, appointment.id(), Duration.ZERO, Duration.ofMinutes(20));
    }

    private String nameOf(Appointment appointment) {
        var patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();
        return patient.givenName() + " " + patient.familyName();
    }

    @Test
    void listsTheDaysPatientsPerRoomAndOperatorWithProtocolAndTheLastAnticoagulantDose() {
        Appointment appointment = booked(Guidance.CT, "FACET_CERVICAL", BookingFixtures::cervicalFacetOnApixaban,
                BookingFixtures.ctCervicalFacet());
        LocalDate day = LocalDate.ofInstant(appointment.start(), LONDON);

        List<DayListEntry> inRoom = visits.dayList(day, appointment.roomId(), null);
        List<DayListEntry> forOperator = visits.dayList(day, null, appointment.operatorId());
        List<DayListEntry> otherRoom = visits.dayList(day, UUID.randomUUID(), null);

        assertThat(inRoom).singleElement().satisfies(e -> {
            assertThat(e.appointmentId()).isEqualTo(appointment.id());
            assertThat(e.status()).isEqualTo(VisitStatus.BOOKED);
            assertThat(e.procedure()).containsIgnoringCase("facet");
            assertThat(e.protocol()).contains("CT").contains("Methylprednisolone").contains("40 mg").contains("contrast");
            assertThat(e.alerts()).anyMatch(a -> a.startsWith("Confirm the last apixaban dose was "));
        });
        assertThat(forOperator).extracting(DayListEntry::appointmentId).containsExactly(appointment.id());
        assertThat(otherRoom).isEmpty();
    }

    @Test
    void saysAnAnticoagulantContinuesWhenNoStopWasPlanned() {
        Appointment appointment = bookedKneeOnApixaban();

        assertThat(visits.visit(appointment.id()).alerts()).contains("Continue apixaban: no stop was planned.");
    }

    @Test
    void checksInWithTwoMatchingIdentifiersThenTakesThePatientIntoTheRoom() {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);
        AccountFixtures.signIn(nurse);

        DayListEntry arrived = visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment),
                LocalDate.of(1970, 3, 14), null));

        assertThat(arrived.status()).isEqualTo(VisitStatus.ARRIVED);
        assertThat(jdbc.sql("select identified_by from procedure_visit where appointment_id = ?").param(appointment.id())
                .query(String.class).single()).isEqualTo("full name, date of birth");
        assertThatThrownBy(() -> visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment),
                LocalDate.of(1970, 3, 14), null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("already");
        assertThat(visits.intoRoom(appointment.id()).status()).isEqualTo(VisitStatus.IN_ROOM);
    }

    @Test
    void refusesAMismatchedIdentityAndWritesNothing() {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);
        AccountFixtures.signIn(nurse);

        assertThatThrownBy(() -> visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment),
                LocalDate.of(1971, 3, 14), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("date of birth given does not match");

        assertThat(jdbc.sql("select count(*) from procedure_visit where appointment_id = ?").param(appointment.id())
                .query(Integer.class).single()).isZero();
        assertThatThrownBy(() -> visits.intoRoom(appointment.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Check the patient in");
    }

    @Test
    void checksInOnlyOnTheDayOfTheAppointment() {
        Appointment appointment = bookedKneeOnApixaban();
        AccountFixtures.signIn(nurse);

        assertThatThrownBy(() -> visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment),
                LocalDate.of(1970, 3, 14), null))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("on the day of their appointment");
    }

    @Test
    void letsBookingClerksViewTheListButNotCheckIn() {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);

        assertThat(visits.dayList(LocalDate.now(clock), appointment.roomId(), null)).hasSize(1);
        assertThatThrownBy(() -> visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment),
                LocalDate.of(1970, 3, 14), null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void showsTheListAndRefusesAMismatchBesideItsFieldInThePages() throws Exception {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);
        String name = nameOf(appointment);

        mvc.perform(get("/day").param("roomId", appointment.roomId().toString()).with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/day/" + appointment.id())))
                .andExpect(content().string(Matchers.containsString("Continue apixaban")));
        mvc.perform(post("/day/{id}/check-in", appointment.id()).param("fullName", "Somebody Else")
                        .param("dateOfBirth", "1970-03-14").with(user(nurse.username()).roles("NURSE")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"fullName-error\"")))
                .andExpect(content().string(Matchers.containsString("does not match the record")));
        mvc.perform(post("/day/{id}/check-in", appointment.id()).param("fullName", name)
                        .param("dateOfBirth", "1970-03-14").with(user(clerk.username()).roles("BOOKING")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/day/{id}/check-in", appointment.id()).param("fullName", name)
                        .param("dateOfBirth", "1970-03-14").with(user(nurse.username()).roles("NURSE")).with(csrf()))
                .andExpect(redirectedUrl("/day/" + appointment.id()));
        mvc.perform(get("/day/{id}", appointment.id()).with(user(nurse.username()).roles("NURSE")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Arrived")))
                .andExpect(content().string(Matchers.containsString("Into the room")));
        mvc.perform(get("/day").with(user("ref").roles("REFERRER"))).andExpect(status().isForbidden());
    }

    private Set<String> everything(Checklist checklist, ChecklistStep step) {
        return checklist.checks(step).stream().map(ChecklistCheck::code).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void runsTheChecklistInOrderStopsOnADiscrepancyAndKeepsWhoResolvedIt() {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);
        AccountFixtures.signIn(nurse);
        assertThatThrownBy(() -> checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN, Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Check the patient in");
        visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment), LocalDate.of(1970, 3, 14), null));

        Checklist start = checklists.checklist(appointment.id());
        assertThat(start.items(ChecklistStep.SIGN_IN)).contains(ChecklistItem.MEDICATION_PLAN, ChecklistItem.GLUCOSE)
                .doesNotContain(ChecklistItem.PREGNANCY);
        assertThatThrownBy(() -> checklists.confirm(appointment.id(), ChecklistStep.TIME_OUT,
                everything(start, ChecklistStep.TIME_OUT))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Sign-in comes next");
        assertThatThrownBy(() -> checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN,
                everything(start, ChecklistStep.SIGN_IN))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("consent before sign-in");
        consents.recordConsent(appointment.id(), consents.consentDocument(appointment.id()).sha256(), true);
        ProcedureFixtures.unremarkableObservations(checklists, appointment.id(), LocalDateTime.now(clock));
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN, everything(start, ChecklistStep.SIGN_IN));
        checklists.raiseDiscrepancy(appointment.id(), "Mark on the left knee; referral says right");

        assertThatThrownBy(() -> checklists.confirm(appointment.id(), ChecklistStep.TIME_OUT,
                everything(start, ChecklistStep.TIME_OUT))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("discrepancy is open");
        UUID discrepancy = checklists.checklist(appointment.id()).open().getFirst().id();
        assertThatThrownBy(() -> checklists.resolveDiscrepancy(appointment.id(), discrepancy, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say how");
        AccountFixtures.signIn(radiologist);
        checklists.resolveDiscrepancy(appointment.id(), discrepancy, "Examined and rechecked the referral: right knee; remarked");
        checklists.confirm(appointment.id(), ChecklistStep.TIME_OUT, everything(start, ChecklistStep.TIME_OUT));
        Checklist done = checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT, everything(start, ChecklistStep.SIGN_OUT));

        assertThat(done.complete()).isTrue();
        assertThat(done.confirmations()).extracting(Checklist.Confirmation::confirmedBy)
                .containsExactly(nurse.username(), radiologist.username(), radiologist.username());
        assertThat(done.confirmations().getFirst().items()).anyMatch(i -> i.startsWith("MEDICATION_PLAN: ") && i.endsWith("[NS-04]"))
                .contains("LOCAL_SIGN_IN_1: Skin preparation agent confirmed (local policy) [local check]");
        assertThat(done.confirmations().get(1).items())
                .contains("LOCAL_TIME_OUT_1: Ultrasound probe cover sterile (local policy) [local check]");
        assertThat(done.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.step()).isEqualTo(ChecklistStep.TIME_OUT);
            assertThat(d.raisedBy()).isEqualTo(nurse.username());
            assertThat(d.resolvedBy()).isEqualTo(radiologist.username());
            assertThat(d.resolution()).contains("right knee");
        });
        assertThat(visits.visit(appointment.id()).status()).isEqualTo(VisitStatus.DONE);
        assertThatThrownBy(() -> checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT, Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("complete");
    }

    @Test
    void showsTheChecklistAndRefusesASkippedOrIncompleteStepBesideIt() throws Exception {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);
        AccountFixtures.signIn(nurse);
        visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment), LocalDate.of(1970, 3, 14), null));
        var asNurse = user(nurse.username()).roles("NURSE");

        mvc.perform(get("/day/{id}", appointment.id()).with(asNurse))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Blood glucose checked (diabetes) [NS-03]")))
                .andExpect(content().string(Matchers.containsString("Skin preparation agent confirmed (local policy) [local check]")))
                .andExpect(content().string(Matchers.containsString("value=\"LOCAL_SIGN_IN_1\"")))
                .andExpect(content().string(Matchers.containsString("Confirm sign-in")));
        mvc.perform(post("/day/{id}/checklist/TIME_OUT", appointment.id()).param("items", "TEAM_PRESENT").with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"items-error\"")))
                .andExpect(content().string(Matchers.containsString("Sign-in comes next")));
        mvc.perform(post("/day/{id}/checklist/SIGN_IN", appointment.id()).param("items", "IDENTITY").with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Not confirmed: Procedure confirmed with the patient")));
        mvc.perform(post("/day/{id}/consent", appointment.id()).param("sha256", "stale").param("agreed", "true")
                        .with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"agreed-error\"")))
                .andExpect(content().string(Matchers.containsString("Infection in the joint or tissues")));
        mvc.perform(post("/day/{id}/discrepancies", appointment.id()).param("description", " ").with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"description-error\"")));
        mvc.perform(post("/day/{id}/checklist/SIGN_IN", appointment.id()).param("items", "NOT_AN_ITEM").with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("&#39;NOT_AN_ITEM&#39; is not a check of the sign-in")));
        AccountFixtures.signIn(nurse);
        assertThat(checklists.checklist(appointment.id()).confirmations()).isEmpty();
    }

    @Test
    void recordsConsentWithTheExactTextShownAndRefusesAChangedText() {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);
        AccountFixtures.signIn(nurse);
        ConsentDocument shown = consents.consentDocument(appointment.id());
        assertThatThrownBy(() -> consents.recordConsent(appointment.id(), shown.sha256(), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Check the patient in");
        visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment), LocalDate.of(1970, 3, 14), null));

        assertThat(shown.risks()).contains(ConsentRisk.INFECTION, ConsentRisk.GLUCOSE_RISE, ConsentRisk.BLEEDING_INTO_JOINT,
                ConsentRisk.CRYSTAL_FLARE).doesNotContain(ConsentRisk.TENDON_RUPTURE);
        assertThat(shown.procedure()).contains("Ultrasound").containsIgnoringCase("knee").contains("Methylprednisolone");
        assertThatThrownBy(() -> consents.recordConsent(appointment.id(), shown.sha256(), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("patient agrees");
        assertThatThrownBy(() -> consents.recordConsent(appointment.id(), "0".repeat(64), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("changed since it was shown");

        ConsentDocument.Given given = consents.recordConsent(appointment.id(), shown.sha256(), true);

        assertThat(given.text()).isEqualTo(shown.text());
        assertThat(given.sha256()).isEqualTo(shown.sha256());
        assertThat(given.version()).isEqualTo("consent-v1");
        assertThat(given.takenBy()).isEqualTo(nurse.username());
        assertThatThrownBy(() -> consents.recordConsent(appointment.id(), shown.sha256(), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already recorded");
    }

    /** Checked in, consented, signed in and timed out by the radiologist, who stays signed in. */
    private Appointment readyToRecord() {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);
        AccountFixtures.signIn(radiologist);
        visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment), LocalDate.of(1970, 3, 14), null));
        consents.recordConsent(appointment.id(), consents.consentDocument(appointment.id()).sha256(), true);
        Checklist checklist = checklists.checklist(appointment.id());
        ProcedureFixtures.unremarkableObservations(checklists, appointment.id(), LocalDateTime.now(clock));
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN, everything(checklist, ChecklistStep.SIGN_IN));
        checklists.confirm(appointment.id(), ChecklistStep.TIME_OUT, everything(checklist, ChecklistStep.TIME_OUT));
        return appointment;
    }

    @Test
    void signsTheRecordWhichThenCannotBeChangedInPlaceOnlyByAddenda() {
        Appointment appointment = readyToRecord();
        LocalDate today = LocalDate.now(clock);
        ProcedureRecord entered = ProcedureRecordTests.record(Guidance.ULTRASOUND, today, null, null);
        assertThatThrownBy(() -> procedureRecords.saveRecord(appointment.id(),
                ProcedureRecordTests.record(Guidance.ULTRASOUND, today.minusDays(1), null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expired");
        assertThat(procedureRecords.record(appointment.id())).isEmpty();

        procedureRecords.saveRecord(appointment.id(), entered);
        assertThatThrownBy(() -> procedureRecords.sign(appointment.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sign-out");
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT,
                everything(checklists.checklist(appointment.id()), ChecklistStep.SIGN_OUT));
        ProcedureRecord signed = procedureRecords.sign(appointment.id());

        assertThat(signed.signedBy()).isEqualTo(radiologist.username());
        assertThat(referrals.show(new org.synovia.referral.ReferralId(appointment.referralId())).status())
                .isEqualTo(org.synovia.referral.ReferralStatus.DONE);
        assertThat(events.stream(ProcedureCompleted.class)).singleElement()
                .satisfies(e -> assertThat(e.appointmentId()).isEqualTo(appointment.id()));
        assertThatThrownBy(() -> procedureRecords.saveRecord(appointment.id(), ProcedureRecordTests.record(Guidance.ULTRASOUND,
                today, null, null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("signed");
        assertThatThrownBy(() -> procedureRecords.sign(appointment.id())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> jdbc.sql("update procedure_record set needle = 'changed' where appointment_id = ?")
                .param(appointment.id()).update()).hasMessageContaining("is signed");
        assertThatThrownBy(() -> jdbc.sql("update procedure_drug set batch = 'X' where appointment_id = ?")
                .param(appointment.id()).update()).hasMessageContaining("is signed");
        assertThatThrownBy(() -> jdbc.sql("delete from procedure_record where appointment_id = ?")
                .param(appointment.id()).update()).hasMessageContaining("is signed");
        procedureRecords.addPainScore(appointment.id(), 15, 3);
        assertThatThrownBy(() -> owner().sql("update procedure_pain_score set score = 0 where appointment_id = ?")
                .param(appointment.id()).update()).hasMessageContaining("never changed");
        assertThatThrownBy(() -> owner().sql("delete from procedure_pain_score where appointment_id = ?")
                .param(appointment.id()).update()).hasMessageContaining("never changed");
        assertThatThrownBy(() -> owner().sql("update procedure_report set report_text = 'changed' where appointment_id = ?")
                .param(appointment.id()).update()).hasMessageContaining("never changed");
        assertThat(procedureRecords.painResponse(appointment.id()).orElseThrow().scores()).singleElement()
                .satisfies(p -> assertThat(p.score()).isEqualTo(3));

        assertThatThrownBy(() -> procedureRecords.addAddendum(appointment.id(), "Batch was MP1235", " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say why");
        procedureRecords.addAddendum(appointment.id(), "Batch was MP1235, not MP1234", "Transcription error seen on the box");

        assertThat(procedureRecords.record(appointment.id()).orElseThrow().drugs().getFirst().batch()).isEqualTo("MP1234");
        assertThat(procedureRecords.addenda(appointment.id())).singleElement().satisfies(a -> {
            assertThat(a.addedBy()).isEqualTo(radiologist.username());
            assertThat(a.reason()).contains("Transcription");
        });
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder recordPost(Appointment appointment,
            String expiry, String batch) {
        return post("/day/{id}/record", appointment.id()).param("operator", "Dr Example").param("guidance", "ULTRASOUND")
                .param("needle", "21G 40 mm").param("drugs[0].product", "Methylprednisolone acetate 40 mg/mL")
                .param("drugs[0].dose", "40 mg").param("drugs[0].volumeMl", "1").param("drugs[0].batch", batch)
                .param("drugs[0].expiry", expiry).param("drugs[0].route", "intra-articular")
                .param("drugs[0].site", "right knee").param("keyImages", "2").param("painBefore", "8")
                .param("complications", "none").param("assistant", "").param("studyInstanceUid", " ")
                .param("aftercareGiven", "true").param("needleTipConfirmed", "true")
                .with(user(radiologist.username()).roles("RADIOLOGIST")).with(csrf());
    }

    @Test
    void recordsSignsAndAmendsThroughThePagesButNeverChangesASignedRecord() throws Exception {
        Appointment appointment = readyToRecord();
        var asRadiologist = user(radiologist.username()).roles("RADIOLOGIST");
        String today = LocalDate.now(clock).toString();

        mvc.perform(get("/day/{id}/record", appointment.id()).with(asRadiologist)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Save the record")));
        mvc.perform(recordPost(appointment, LocalDate.now(clock).minusDays(1).toString(), "MP1234"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"drugs0.expiry-error\"")))
                .andExpect(content().string(Matchers.containsString("This batch expired on")));
        mvc.perform(recordPost(appointment, today, "MP1234"))
                .andExpect(redirectedUrl("/day/" + appointment.id() + "/record"));
        mvc.perform(post("/day/{id}/record", appointment.id()).with(user(nurse.username()).roles("NURSE")).with(csrf()))
                .andExpect(status().isForbidden());
        var asNurse = user(nurse.username()).roles("NURSE");
        mvc.perform(post("/day/{id}/record/pain-scores", appointment.id()).param("minutesAfter", "5").param("score", "11")
                        .with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"score-error\"")))
                .andExpect(content().string(Matchers.containsString("Enter the pain score, 0 to 10.")));
        mvc.perform(post("/day/{id}/record/pain-scores", appointment.id()).param("minutesAfter", "five").param("score", "6")
                        .with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"minutesAfter-error\"")));
        mvc.perform(post("/day/{id}/record/pain-scores", appointment.id()).param("minutesAfter", "5").param("score", "6")
                        .with(asNurse).with(csrf()))
                .andExpect(redirectedUrl("/day/" + appointment.id() + "/record"));
        AccountFixtures.signIn(radiologist);
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT,
                everything(checklists.checklist(appointment.id()), ChecklistStep.SIGN_OUT));
        mvc.perform(post("/day/{id}/record/sign", appointment.id()).with(asRadiologist).with(csrf()))
                .andExpect(redirectedUrl("/day/" + appointment.id() + "/record"));
        mvc.perform(get("/day/{id}/record", appointment.id()).with(asNurse)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("list=\"pain-minutes\" value=\"15\"")));
        // Recovery goes on after signing: a later score is appended, and read with the others.
        mvc.perform(post("/day/{id}/record/pain-scores", appointment.id()).param("minutesAfter", "30").param("score", "2")
                        .with(asNurse).with(csrf()))
                .andExpect(redirectedUrl("/day/" + appointment.id() + "/record"));

        mvc.perform(recordPost(appointment, today, "CHANGED"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("signed and cannot be changed")));
        mvc.perform(post("/day/{id}/record/addenda", appointment.id()).param("text", "Batch was MP1235")
                        .param("reason", "").with(asRadiologist).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reason-error\"")));
        mvc.perform(post("/day/{id}/record/addenda", appointment.id()).param("text", "Batch was MP1235")
                        .param("reason", "Misread the vial").with(asRadiologist).with(csrf()))
                .andExpect(redirectedUrl("/day/" + appointment.id() + "/record"));
        mvc.perform(get("/day/{id}/record", appointment.id()).with(asRadiologist)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("batch MP1234")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("CHANGED"))))
                .andExpect(content().string(Matchers.containsString("Batch was MP1235")))
                .andExpect(content().string(Matchers.containsString("Positive response: 75% relief at 30 minutes (best of 2 scores")))
                .andExpect(content().string(Matchers.containsString("25%")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("assisted by <"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("(study )"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Save the record"))));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private byte[] attachment(Appointment appointment, String purpose, String recipient) {
        return jdbc.sql("select attachment from outbound_email where patient_id = ? and purpose = ? and recipient = ?")
                .params(appointment.patientId(), purpose, recipient).query(byte[].class).single();
    }

    @Test
    void queuesTheSignedReportAsAnHl7ResultMessage() {
        Appointment appointment = readyToRecord();
        procedureRecords.saveRecord(appointment.id(), ProcedureRecordTests.record(Guidance.ULTRASOUND, LocalDate.now(clock), null, null));
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT,
                everything(checklists.checklist(appointment.id()), ChecklistStep.SIGN_OUT));
        procedureRecords.sign(appointment.id());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jdbc.sql("select payload from hl7_outbound_message where appointment_id = ? and status = 'QUEUED'")
                        .param(appointment.id()).query(String.class).optional())
                        .hasValueSatisfying(oru -> assertThat(oru).contains("ORU^R01").contains("KNEE_JOINT")
                                .contains("batch MP1234").contains(appointment.id().toString())));
    }

    @Test
    void storesTheReportAndEmailsItToTheReferrerAndTheAftercareLeafletToThePatient() throws Exception {
        Appointment appointment = readyToRecord();
        procedureRecords.saveRecord(appointment.id(), ProcedureRecordTests.record(Guidance.ULTRASOUND, LocalDate.now(clock), null, null));
        procedureRecords.addPainScore(appointment.id(), 30, 2);
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT,
                everything(checklists.checklist(appointment.id()), ChecklistStep.SIGN_OUT));
        procedureRecords.sign(appointment.id());

        String report = pdfText(attachment(appointment, "procedure-report", "test@example.com"));
        String leaflet = pdfText(attachment(appointment, "aftercare-leaflet", "alex@example.com"));

        assertThat(report).contains("Methylprednisolone acetate 40 mg/mL 40 mg").contains("batch MP1234")
                .contains("no ionising radiation").contains("30 min: NRS 2, 71% relief")
                .contains("Positive response: 71% relief at 30 minutes")
                .contains("Complications none").contains("pain diary follows");
        assertThat(leaflet).contains("Rest the area for a day or two").contains("wears off within a few hours")
                .contains("within a few days").contains("blood glucose more often").contains("call 111");
        // The service heads both, with its numbers; dates read as people write them.
        assertThat(report).contains("Test Injection Service").contains("Telephone 01632 960 100")
                .contains(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK).format(sessions.today()))
                .doesNotContainPattern("born \\d{4}-\\d{2}-\\d{2}");
        assertThat(leaflet).contains("Test Injection Service").contains("Out of hours, phone 01632 960 199");
        assertThat(jdbc.sql("select report_text from procedure_report where appointment_id = ?").param(appointment.id())
                .query(String.class).single()).contains("batch MP1234").contains("Plan: ");
        mvc.perform(get("/day/{id}/report.pdf", appointment.id()).with(user(nurse.username()).roles("NURSE")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
    }

    @Test
    void closesTheReportWithTheSignatorysNameGradeAndRegistrationAndShowsStaffByName() throws Exception {
        accounts.setRegistration(radiologist.username(),
                new org.synovia.account.ProfessionalRegistration(org.synovia.account.ProfessionalRegister.GMC, "1234567"));
        Appointment appointment = signed();

        String report = pdfText(attachment(appointment, "procedure-report", "test@example.com"));
        String signedAt = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", java.util.Locale.UK)
                .format(clock.instant().atZone(LONDON));
        // The PDF's text comes back with line breaks as spaces; the stored text is exact.
        assertThat(report).contains("Signed by " + radiologist.displayName() + ", Consultant, GMC 1234567, Tuesday 12 January 2027")
                .doesNotContain(radiologist.username()).doesNotContain(nurse.username());
        assertThat(jdbc.sql("select report_text from procedure_report where appointment_id = ?").param(appointment.id())
                .query(String.class).single())
                .contains("Signed by " + radiologist.displayName() + ", Consultant, GMC 1234567, " + signedAt)
                .contains("Date: " + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK)
                        .format(sessions.today()));

        String page = mvc.perform(get("/day/{id}/record", appointment.id()).with(user(nurse.username()).roles("NURSE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Signed by " + radiologist.displayName() + " at " + signedAt)
                .doesNotContain(radiologist.username());
    }

    @Test
    void showsIdentityAllergiesAndSourcedAlertsBesideEveryStepOfTheVisitAndTheRecord() throws Exception {
        Appointment appointment = booked(Guidance.ULTRASOUND, "KNEE_JOINT", ReferralFixtures::kneeAllergicToLidocaine,
                BookingFixtures.ultrasoundKnee());
        startsNow(appointment);
        var patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();
        var asNurse = user(nurse.username()).roles("NURSE");

        String booked = mvc.perform(get("/day/{id}", appointment.id()).with(asNurse))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panelOf(booked)).contains(patient.displayName()).contains("14 March 1970")
                .contains(patient.nhsNumber().formatted()).contains("Lidocaine: Urticaria").contains("apixaban")
                .containsPattern("Source: [^<]+\\d{4}");

        AccountFixtures.signIn(nurse);
        visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment), LocalDate.of(1970, 3, 14), null));
        visits.intoRoom(appointment.id());
        String inRoom = mvc.perform(get("/day/{id}", appointment.id()).with(asNurse))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // One panel beside the steps (sign-in, consent, time-out, sign-out), not a copy inside each.
        assertThat(inRoom.split("id=\"patient-panel\"", -1)).hasSize(2);
        assertThat(panelOf(inRoom)).contains("Lidocaine: Urticaria");

        String record = mvc.perform(get("/day/{id}/record", appointment.id()).with(asNurse))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panelOf(record)).contains(patient.displayName()).contains("Lidocaine: Urticaria");
        // Each view audits the panel in its page's one line for the patient (ADR 0115).
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and details like '%patient panel%'")
                .param(appointment.patientId()).query(Long.class).single()).isEqualTo(3);
    }

    private static String panelOf(String page) {
        int start = page.indexOf("id=\"patient-panel\"");
        assertThat(start).as("the patient panel is on the page").isPositive();
        return page.substring(start, page.indexOf("</aside>", start));
    }

    /** Recorded, scored, signed out and signed by the radiologist, who stays signed in. */
    private Appointment signed() {
        Appointment appointment = readyToRecord();
        procedureRecords.saveRecord(appointment.id(), ProcedureRecordTests.record(Guidance.ULTRASOUND, LocalDate.now(clock), null, null));
        procedureRecords.addPainScore(appointment.id(), 15, 4);
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT,
                everything(checklists.checklist(appointment.id()), ChecklistStep.SIGN_OUT));
        procedureRecords.sign(appointment.id());
        return appointment;
    }

    private List<byte[]> attachments(Appointment appointment, String purpose) {
        return jdbc.sql("select attachment from outbound_email where patient_id = ? and purpose = ? and recipient = ? "
                        + "order by created_at").params(appointment.patientId(), purpose, "test@example.com")
                .query(byte[].class).list();
    }

    @Test
    void anAddendumSendsTheReferrerAnAmendedReportAndKeepsTheOriginal() throws Exception {
        Appointment appointment = signed();
        String original = pdfText(attachment(appointment, "procedure-report", "test@example.com"));
        AccountFixtures.signIn(nurse);

        procedureRecords.addAddendum(appointment.id(), "Batch was MP1235, not MP1234", "Transcription error seen on the box");

        assertThat(attachments(appointment, "procedure-report-amended")).singleElement().satisfies(pdf ->
                assertThat(pdfText(pdf)).contains("Amended report").contains("batch MP1234").contains("40 mg")
                        .contains("15 min: NRS 4, 43% relief").contains("Batch was MP1235, not MP1234")
                        .contains("why: Transcription error seen on the box").contains(nurse.displayName()));
        assertThat(jdbc.sql("select subject from outbound_email where patient_id = ? and purpose = 'procedure-report-amended'")
                .param(appointment.patientId()).query(String.class).single()).startsWith("Amended report: ");
        assertThat(original).doesNotContain("Amended").doesNotContain("MP1235");
        assertThat(pdfText(procedureReports.reportPdf(appointment.id(), 1))).isEqualTo(original);

        AccountFixtures.signIn(radiologist);
        procedureRecords.addAddendum(appointment.id(), "Review at 6 weeks in clinic", "Plan agreed with the referrer");

        assertThat(procedureReports.reports(appointment.id())).extracting(ProcedureReport.Sent::version, ProcedureReport.Sent::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Procedure report"),
                        org.assertj.core.groups.Tuple.tuple(2, "Amended report (version 2)"),
                        org.assertj.core.groups.Tuple.tuple(3, "Amended report (version 3)"));
        assertThat(pdfText(procedureReports.reportPdf(appointment.id(), null))).contains("Batch was MP1235")
                .contains("Review at 6 weeks in clinic").contains("why: Plan agreed with the referrer");
        assertThat(pdfText(procedureReports.reportPdf(appointment.id(), 2))).contains("Batch was MP1235")
                .doesNotContain("Review at 6 weeks");
        assertThatThrownBy(() -> procedureReports.reportPdf(appointment.id(), 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no report version 4");
        var asNurse = user(nurse.username()).roles("NURSE");
        byte[] first = mvc.perform(get("/day/{id}/report.pdf", appointment.id()).param("version", "1").with(asNurse))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(first)).isEqualTo(original);
        mvc.perform(get("/day/{id}/record", appointment.id()).with(asNurse)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Amended report (version 3) (PDF)")))
                .andExpect(content().string(Matchers.containsString("report.pdf?version=1")));
    }

    @Test
    void recordsARefusalWithTheTextShownAndStopsTheProcedure() throws Exception {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);
        AccountFixtures.signIn(nurse);
        visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment), LocalDate.of(1970, 3, 14), null));
        ConsentDocument shown = consents.consentDocument(appointment.id());
        assertThatThrownBy(() -> consents.refuseConsent(appointment.id(), shown.sha256(), " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> consents.refuseConsent(appointment.id(), "stale", "Worried about the steroid"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("changed since it was shown");

        ConsentDocument.Refusal refusal = consents.refuseConsent(appointment.id(), shown.sha256(), "Worried about the steroid");

        assertThat(refusal.kind()).isEqualTo(ConsentDocument.Refusal.Kind.REFUSED);
        assertThat(refusal.text()).isEqualTo(shown.text());
        assertThat(refusal.sha256()).isEqualTo(shown.sha256());
        assertThat(refusal.recordedBy()).isEqualTo(nurse.username());
        assertThat(visits.visit(appointment.id()).status()).isEqualTo(VisitStatus.CONSENT_REFUSED);
        assertThat(visits.dayList(LocalDate.now(clock), appointment.roomId(), null)).singleElement()
                .extracting(DayListEntry::status).isEqualTo(VisitStatus.CONSENT_REFUSED);
        assertThatThrownBy(() -> consents.recordConsent(appointment.id(), shown.sha256(), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("procedure is stopped: consent refused");
        assertThatThrownBy(() -> checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN, Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("procedure is stopped");
        assertThatThrownBy(() -> visits.intoRoom(appointment.id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("procedure is stopped");
        assertThat(jdbc.sql("select count(*) from audit_event where record_id = ? and record_type = 'ConsentRefusal'")
                .param(appointment.id().toString()).query(Integer.class).single()).isPositive();
        var asNurse = user(nurse.username()).roles("NURSE");
        mvc.perform(get("/day/{id}", appointment.id()).with(asNurse)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Consent refused: the procedure is stopped")))
                .andExpect(content().string(Matchers.containsString("Worried about the steroid")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Confirm sign-in"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Record consent"))));
        mvc.perform(get("/day").with(user(clerk.username()).roles("BOOKING"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Stopped: consent refused")));
    }

    @Test
    void recordsAWithdrawalBeforeTimeOutThroughThePageAndNothingMoreIsDone() throws Exception {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);
        AccountFixtures.signIn(nurse);
        visits.checkIn(appointment.id(), new IdentityCheck(nameOf(appointment), LocalDate.of(1970, 3, 14), null));
        ConsentDocument.Given agreed = consents.recordConsent(appointment.id(),
                consents.consentDocument(appointment.id()).sha256(), true);
        ProcedureFixtures.unremarkableObservations(checklists, appointment.id(), LocalDateTime.now(clock));
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN,
                everything(checklists.checklist(appointment.id()), ChecklistStep.SIGN_IN));
        var asNurse = user(nurse.username()).roles("NURSE");
        mvc.perform(post("/day/{id}/consent/refusal", appointment.id()).param("reason", "").with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reason-error\"")));

        mvc.perform(post("/day/{id}/consent/refusal", appointment.id()).param("reason", "Changed their mind on the couch")
                        .with(asNurse).with(csrf()))
                .andExpect(redirectedUrl("/day/" + appointment.id()));

        AccountFixtures.signIn(radiologist);
        assertThat(consents.consentRefusal(appointment.id())).get().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ConsentDocument.Refusal.Kind.WITHDRAWN);
            assertThat(r.text()).isEqualTo(agreed.text());
            assertThat(r.recordedBy()).isEqualTo(nurse.username());
        });
        assertThat(visits.visit(appointment.id()).status()).isEqualTo(VisitStatus.CONSENT_WITHDRAWN);
        assertThatThrownBy(() -> checklists.confirm(appointment.id(), ChecklistStep.TIME_OUT,
                everything(checklists.checklist(appointment.id()), ChecklistStep.TIME_OUT)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("consent withdrawn");
        assertThatThrownBy(() -> procedureRecords.saveRecord(appointment.id(),
                ProcedureRecordTests.record(Guidance.ULTRASOUND, LocalDate.now(clock), null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("consent withdrawn");
        assertThatThrownBy(() -> consents.refuseConsent(appointment.id(), null, "again"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("stopped");
        mvc.perform(get("/day/{id}", appointment.id()).with(asNurse)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Consent withdrawn: the procedure is stopped")))
                .andExpect(content().string(Matchers.containsString("Stopped: consent withdrawn")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Confirm time-out"))));
    }

    @Test
    void stillRecordsWhatWasDoneWhenConsentIsWithdrawnAfterTimeOut() throws Exception {
        Appointment appointment = readyToRecord();
        consents.refuseConsent(appointment.id(), null, "Asked to stop after the first injection");

        procedureRecords.saveRecord(appointment.id(), ProcedureRecordTests.record(Guidance.ULTRASOUND, LocalDate.now(clock), null, null));
        mvc.perform(get("/day/{id}", appointment.id()).with(user(radiologist.username()).roles("RADIOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Confirm sign-out")))
                .andExpect(content().string(Matchers.containsString("Consent was withdrawn after the time-out")));
        AccountFixtures.signIn(radiologist);
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT,
                everything(checklists.checklist(appointment.id()), ChecklistStep.SIGN_OUT));
        ProcedureRecord signed = procedureRecords.sign(appointment.id());

        assertThat(signed.signed()).isTrue();
        assertThat(visits.visit(appointment.id()).status()).isEqualTo(VisitStatus.CONSENT_WITHDRAWN);
        assertThat(checklists.checklist(appointment.id()).complete()).isTrue();
    }

    @Test
    void checksInWithTheHospitalNumberAsOneOfTheTwoIdentifiers() throws Exception {
        Appointment appointment = bookedKneeOnApixaban();
        startsNow(appointment);
        String hospitalNumber = "RX" + (100000 + new java.util.Random().nextInt(899999));
        jdbc.sql("update patient set hospital_number = ? where id = ?").params(hospitalNumber, appointment.patientId()).update();
        var asNurse = user(nurse.username()).roles("NURSE");

        mvc.perform(post("/day/{id}/check-in", appointment.id()).param("fullName", nameOf(appointment))
                        .param("hospitalNumber", "RX0000000").with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"hospitalNumber-error\"")))
                .andExpect(content().string(Matchers.containsString("hospital number given does not match")));
        mvc.perform(post("/day/{id}/check-in", appointment.id()).param("fullName", nameOf(appointment))
                        .param("hospitalNumber", hospitalNumber.toLowerCase()).with(asNurse).with(csrf()))
                .andExpect(redirectedUrl("/day/" + appointment.id()));

        assertThat(jdbc.sql("select identified_by from procedure_visit where appointment_id = ?").param(appointment.id())
                .query(String.class).single()).isEqualTo("full name, hospital number");
    }
}
