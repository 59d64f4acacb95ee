package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.Severity;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.YesNoUnknown;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.Vetting;

/**
 * The procedure day measures and the engine decides again (issue 12 §3): observations as values, the engine's answer
 * stored with sign-in and time-out, STOPs and review findings holding the next step until a radiologist decides,
 * and a suspected septic joint starting the urgent pathway with its emails queued in the same transaction.
 */
@SynoviaIntegrationTest
class ProcedureDaySafetyIntegrationTests {

    @Autowired Visits visits;
    @Autowired Checklists checklists;
    @Autowired ProcedureRecords procedureRecords;
    @Autowired ProcedurePages pages;
    @Autowired DaySafetyChecks daySafetyChecks;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired java.time.Clock clock;

    ProcedureFixtures fixtures;
    UserAccount radiologist;
    UserAccount nurse;

    @BeforeEach
    void setUp() {
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        nurse = AccountFixtures.create(accounts, Role.NURSE);
        fixtures = ProcedureFixtures.of(context);
    }

    /** As the schema's owner: the application's role is refused these by grant before any trigger (ADR 0048). */
    private JdbcClient owner() {
        return JdbcClient.create(org.synovia.database.EmbeddedDatabaseLogins.as(context,
                org.synovia.database.EmbeddedDatabaseLogins.OWNER));
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** A knee booked, moved to start now, checked in and consented by the nurse, who stays signed in. */
    private Appointment consented(Function<UUID, ReferralDetails> details) {
        return fixtures.consentedKnee(radiologist, nurse, details);
    }

    private Set<String> everything(Appointment appointment, ChecklistStep step) {
        return checklists.checklist(appointment.id()).checks(step).stream().map(ChecklistCheck::code)
                .collect(Collectors.toSet());
    }

    private void confirm(Appointment appointment, ChecklistStep step) {
        checklists.confirm(appointment.id(), step, everything(appointment, step));
    }

    private static ReferralDetails kneeOnWarfarin(UUID patientId) {
        return RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId), "antithrombotics",
                List.of(new ReferralDetails.AntithromboticMedicine(Antithrombotic.WARFARIN, "5 mg", DoseFrequency.ONCE_DAILY,
                        "18:00")));
    }

    /** The text of the element with this id on a page (no nested elements). */
    private static String textOf(String page, String id) {
        var found = java.util.regex.Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(found.find()).as("element #" + id).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(found.group(1));
    }

    private List<String> emailsTo(UUID patientId, String purpose) {
        return jdbc.sql("select recipient from outbound_email where patient_id = ? and purpose = ? order by recipient")
                .params(patientId, purpose).query(String.class).list();
    }

    @Test
    void aHotSwollenFeverishKneeAtSignInStopsTheSteroidAndStartsTheUrgentPathway() throws Exception {
        Appointment appointment = consented(ReferralFixtures::kneeOnApixaban);
        checklists.recordObservations(appointment.id(), 38.4, 7.1, 128, 78, null, null, YesNoUnknown.YES,
                YesNoUnknown.YES, YesNoUnknown.NOT_KNOWN);

        confirm(appointment, ChecklistStep.SIGN_IN);

        DaySafety safety = checklists.daySafety(appointment.id());
        DaySafetyCheck signIn = safety.check(ChecklistStep.SIGN_IN).orElseThrow();
        assertThat(signIn.highest()).isEqualTo(Severity.STOP);
        assertThat(signIn.checkedBy()).isEqualTo(nurse.username());
        assertThat(signIn.drugs()).contains("methylprednisolone acetate 40 mg");
        assertThat(signIn.findings()).filteredOn(f -> f.ruleId().equals("SAF-031")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Suspected septic joint at sign-in (38.4 °C; hot yes, swollen yes, red not "
                    + "known): no steroid; aspirate and send for culture; urgent pathway [CI-03, CX-01]");
            assertThat(f.sources()).anyMatch(s -> s.contains("EULAR") && s.contains("2021, Table 2 [CI-03]"));
            assertThat(f.needsDecision()).isTrue();
        });
        assertThat(safety.urgentPathway()).hasValueSatisfying(u -> {
            assertThat(u.startedBy()).isEqualTo(nurse.username());
            assertThat(u.onCallEmail()).isEqualTo("on-call@example.com");
            assertThat(u.referrerEmail()).isEqualTo("test@example.com");
        });
        assertThat(emailsTo(appointment.patientId(), "urgent-septic-joint"))
                .containsExactly("on-call@example.com", "test@example.com");
        assertThat(visits.visit(appointment.id()).alerts().getFirst())
                .startsWith("URGENT PATHWAY, no steroid: Suspected septic joint at sign-in (38.4 °C")
                .contains("emailed on-call on-call@example.com and referrer test@example.com")
                .endsWith("Record what was done instead.");
        assertThat(pages.visit(appointment.id()).panel().alerts().getFirst()).startsWith("URGENT PATHWAY")
                .containsPattern("Record what was done instead\\. Source: EULAR [^;]+ 2021, Table 2 \\[CI-03\\]");
        assertThat(visits.dayList(LocalDate.now(clock), appointment.roomId(), null)).singleElement()
                .satisfies(e -> assertThat(e.alerts().getFirst()).startsWith("URGENT PATHWAY"));

        assertThatThrownBy(() -> confirm(appointment, ChecklistStep.TIME_OUT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The sign-in safety check needs a decision: SAF-031 (STOP) Suspected septic joint");
        assertThatThrownBy(() -> checklists.decide(appointment.id(), ChecklistStep.SIGN_IN, "SAF-031",
                DaySafetyCheck.Decision.Kind.OVERRIDE, "known gout")).isInstanceOf(AccessDeniedException.class);

        checklists.recordDoneInstead(appointment.id(), "Aspirated 25 mL turbid fluid; sent for Gram stain and culture; "
                + "orthopaedic registrar informed");
        assertThatThrownBy(() -> checklists.recordDoneInstead(appointment.id(), "again"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already recorded");
        AccountFixtures.signIn(radiologist);
        checklists.decide(appointment.id(), ChecklistStep.SIGN_IN, "SAF-031", DaySafetyCheck.Decision.Kind.DEFER,
                "Septic arthritis suspected: aspirated instead; no injection today");

        assertThatThrownBy(() -> confirm(appointment, ChecklistStep.TIME_OUT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Deferred at sign-in by " + radiologist.displayName() + ":");
        var timeOut = post("/day/{id}/checklist/TIME_OUT", appointment.id()).with(user(nurse.username()).roles("NURSE"))
                .with(csrf());
        everything(appointment, ChecklistStep.TIME_OUT).forEach(code -> timeOut.param("items", code));
        String refused = mvc.perform(timeOut).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(textOf(refused, "items-error")).startsWith("Deferred at sign-in by " + radiologist.displayName() + ": ")
                .doesNotContain(radiologist.username());
        AccountFixtures.signIn(radiologist); // the request above leaves no one signed in
        assertThat(pages.record(appointment.id()).daySafetyLines())
                .anyMatch(l -> l.startsWith("Observations at sign-in: 38.4 °C; capillary glucose 7.1 mmol/L; BP 128/78 mmHg; "
                        + "target hot yes, swollen yes, red not known"))
                .anyMatch(l -> l.contains("SAF-031 (STOP) Suspected septic joint") && l.contains("Do not go ahead by "
                        + radiologist.displayName() + ": Septic arthritis suspected"))
                .anyMatch(l -> l.contains("done instead: Aspirated 25 mL turbid fluid; sent for Gram stain and culture"));
        assertThat(visits.visit(appointment.id()).alerts().getFirst())
                .contains("Done instead: Aspirated 25 mL turbid fluid");
        assertThat(jdbc.sql("select count(*) from audit_event where record_id = ? and record_type in "
                        + "('ProcedureObservation', 'UrgentPathway', 'DaySafetyCheck')")
                .param(appointment.id().toString()).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aStopOverriddenWithAReasonLetsTheTimeOutRunTheEngineAgain() {
        Appointment appointment = consented(ReferralFixtures::kneeOnApixaban);
        checklists.recordObservations(appointment.id(), 38.2, 6.0, 130, 80, null, null, YesNoUnknown.NO, YesNoUnknown.NO,
                YesNoUnknown.NO);
        confirm(appointment, ChecklistStep.SIGN_IN);
        assertThat(checklists.daySafety(appointment.id()).check(ChecklistStep.SIGN_IN).orElseThrow().findings())
                .anyMatch(f -> f.ruleId().equals("SAF-031") && f.message().startsWith("Fever at sign-in"));
        assertThat(checklists.daySafety(appointment.id()).urgentPathway()).isEmpty();
        AccountFixtures.signIn(radiologist);
        assertThatThrownBy(() -> checklists.decide(appointment.id(), ChecklistStep.SIGN_IN, "SAF-031",
                DaySafetyCheck.Decision.Kind.PROCEED, "fine")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("A STOP is overridden with a reason");
        assertThatThrownBy(() -> checklists.decide(appointment.id(), ChecklistStep.SIGN_IN, "SAF-031",
                DaySafetyCheck.Decision.Kind.OVERRIDE, " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Give the reason");
        checklists.decide(appointment.id(), ChecklistStep.SIGN_IN, "SAF-031", DaySafetyCheck.Decision.Kind.OVERRIDE,
                "Re-measured 37.4 °C after a hot drive; no other sign of infection");
        checklists.recordObservations(appointment.id(), 37.4, 6.0, 130, 80, null, null, YesNoUnknown.NO, YesNoUnknown.NO,
                YesNoUnknown.NO);

        confirm(appointment, ChecklistStep.TIME_OUT);

        DaySafety safety = checklists.daySafety(appointment.id());
        assertThat(safety.check(ChecklistStep.SIGN_IN).orElseThrow().decision("SAF-031")).hasValueSatisfying(d -> {
            assertThat(d.kind()).isEqualTo(DaySafetyCheck.Decision.Kind.OVERRIDE);
            assertThat(d.decidedBy()).isEqualTo(radiologist.username());
        });
        assertThat(safety.check(ChecklistStep.TIME_OUT).orElseThrow().findings()).noneMatch(f -> f.ruleId().equals("SAF-031"));
        assertThat(safety.observationsOpen()).isFalse();
        assertThatThrownBy(() -> checklists.recordObservations(appointment.id(), 37.0, 6.0, 130, 80, null, null,
                YesNoUnknown.NO, YesNoUnknown.NO, YesNoUnknown.NO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("time-out is done");
        assertThatThrownBy(() -> owner().sql("update day_safety_decision set reason = 'x'").update())
                .hasMessageContaining("never changed");
    }

    @ParameterizedTest(name = "glucose {0} mmol/L, BP {1}/{2} → review {3}")
    @CsvSource({"20.0, 179, 109, false", "20.1, 120, 70, true", "8.0, 180, 90, true", "8.0, 150, 110, true"})
    void anExtremeValueNeedsARadiologistsDecisionNeverAnAutomaticCancel(double glucose, int systolic, int diastolic,
            boolean review) {
        Appointment appointment = consented(ReferralFixtures::kneeOnApixaban);
        checklists.recordObservations(appointment.id(), 36.8, glucose, systolic, diastolic, null, null, YesNoUnknown.NO,
                YesNoUnknown.NO, YesNoUnknown.NO);
        confirm(appointment, ChecklistStep.SIGN_IN);
        DaySafetyCheck signIn = checklists.daySafety(appointment.id()).check(ChecklistStep.SIGN_IN).orElseThrow();

        assertThat(signIn.findings().stream().filter(f -> f.ruleId().equals("SAF-032")).toList()).hasSize(review ? 1 : 0)
                .allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARN);
                    assertThat(f.needsDecision()).isTrue();
                });
        assertThat(signIn.highest()).isNotEqualTo(Severity.STOP);
        if (review) {
            assertThatThrownBy(() -> confirm(appointment, ChecklistStep.TIME_OUT)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("needs a decision: SAF-032 (WARN)");
            AccountFixtures.signIn(radiologist);
            checklists.decide(appointment.id(), ChecklistStep.SIGN_IN, "SAF-032", DaySafetyCheck.Decision.Kind.PROCEED,
                    "Re-checked; asymptomatic; proceeding after discussion with the patient");
        }
        confirm(appointment, ChecklistStep.TIME_OUT);
        assertThat(checklists.checklist(appointment.id()).next()).contains(ChecklistStep.SIGN_OUT);
    }

    @ParameterizedTest(name = "INR {0} taken on the day → STOP {1}")
    @CsvSource({"2.9, false", "3.0, true", "3.1, true"})
    void anInrTakenOnTheDayIsReadAgainstTheWarfarinLimit(double inr, boolean stop) {
        Appointment appointment = consented(ProcedureDaySafetyIntegrationTests::kneeOnWarfarin);
        assertThat(checklists.daySafety(appointment.id()).required().inr()).isTrue();
        assertThatThrownBy(() -> checklists.recordObservations(appointment.id(), 36.8, 6.0, 130, 80, null, null,
                YesNoUnknown.NO, YesNoUnknown.NO, YesNoUnknown.NO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("vitamin K antagonist");
        LocalDateTime taken = LocalDateTime.now(clock).minusMinutes(1);
        checklists.recordObservations(appointment.id(), 36.8, 6.0, 130, 80, inr, taken, YesNoUnknown.NO, YesNoUnknown.NO,
                YesNoUnknown.NO);

        confirm(appointment, ChecklistStep.SIGN_IN);

        var warfarin = checklists.daySafety(appointment.id()).check(ChecklistStep.SIGN_IN).orElseThrow().findings().stream()
                .filter(f -> f.ruleId().equals("SAF-012")).toList();
        assertThat(warfarin).singleElement().satisfies(f -> {
            assertThat(f.severity() == Severity.STOP).isEqualTo(stop);
            assertThat(f.message()).contains("INR " + inr + " on ").contains("(0 days before)");
        });
    }

    @Test
    void refusesMissingOrOutOfRangeObservationsBesideEachFieldAndSignInWithoutThem() throws Exception {
        Appointment appointment = consented(ReferralFixtures::kneeOnApixaban);
        assertThatThrownBy(() -> confirm(appointment, ChecklistStep.SIGN_IN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Record the observations (temperature, blood pressure, the target, glucose)");
        var asNurse = user(nurse.username()).roles("NURSE");

        mvc.perform(post("/day/{id}/observations", appointment.id()).param("temperatureCelsius", "45")
                        .param("systolicMmHg", "abc").param("diastolicMmHg", "80").param("targetHot", "YES")
                        .with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"systolicMmHg-error\"")))
                .andExpect(content().string(Matchers.containsString("Enter a whole number.")));
        mvc.perform(post("/day/{id}/observations", appointment.id()).param("temperatureCelsius", "45")
                        .param("systolicMmHg", "130").param("diastolicMmHg", "80").param("targetHot", "YES")
                        .with(asNurse).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter the temperature in °C, 30 to 44.")))
                .andExpect(content().string(Matchers.containsString("(the patient has diabetes)")))
                .andExpect(content().string(Matchers.containsString("Say whether the target is swollen: yes, no or not known.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Say whether the target is hot"))));
        mvc.perform(post("/day/{id}/observations", appointment.id()).param("temperatureCelsius", "37.1")
                        .param("capillaryGlucoseMmolPerL", "24.5").param("systolicMmHg", "130").param("diastolicMmHg", "80")
                        .param("targetHot", "NO").param("targetSwollen", "NOT_KNOWN").param("targetRed", "NO")
                        .with(asNurse).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/day/{id}", appointment.id()).with(asNurse))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("37.1 °C; capillary glucose 24.5 mmol/L; BP 130/80 mmHg")))
                .andExpect(content().string(Matchers.containsString("WARN SAF-032")))
                .andExpect(content().string(Matchers.containsString("No published threshold (clinician review) n.d.")))
                .andReturn().getResponse().getContentAsString();
        assertThat(textOf(page, "observations")).contains(" by " + nurse.displayName() + ")")
                .doesNotContain(nurse.username());
        assertThat(jdbc.sql("select count(*) from procedure_observation where appointment_id = ?").param(appointment.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    private static final List<String> SOURCES = List.of("EULAR intra-articular therapy recommendations 2021, "
            + "recommendation 9 [RI-10, CI-13]");

    @Test
    void tellsTheSurgeonOncePerReferralAndSaysWhenThereIsNoEmail() {
        Appointment withEmail = consented(ReferralFixtures::kneeOnApixaban);
        Appointment withoutEmail = consented(ReferralFixtures::kneeOnApixaban);
        var patient = patients.find(new PatientId(withEmail.patientId())).orElseThrow();
        var referral = referrals.show(new ReferralId(withEmail.referralId()));
        var replacement = new PatientFacts.PlannedJointReplacement(LocalDate.now(clock).plusWeeks(6), "KNEE_JOINT",
                org.synovia.shared.Laterality.LEFT, "Ms Surgeon", "surgeon@example.com");

        transactions.executeWithoutResult(tx -> {
            daySafetyChecks.tellSurgeon(referral, withEmail.id(), patient, "Knee joint (left)", "SIGN_IN",
                    "replacement of this joint planned 42 days after the injection", SOURCES, LocalDate.now(clock),
                    replacement, nurse.username());
            daySafetyChecks.tellSurgeon(referral, withEmail.id(), patient, "Knee joint (left)", "TIME_OUT",
                    "replacement of this joint planned 42 days after the injection", SOURCES, LocalDate.now(clock),
                    replacement, nurse.username());
            daySafetyChecks.tellSurgeon(referrals.show(new ReferralId(withoutEmail.referralId())), withoutEmail.id(),
                    patients.find(new PatientId(withoutEmail.patientId())).orElseThrow(), "Knee joint (left)", "SIGN_IN",
                    "replacement of this joint planned 42 days after the injection", SOURCES, LocalDate.now(clock),
                    new PatientFacts.PlannedJointReplacement(LocalDate.now(clock).plusWeeks(6), "KNEE_JOINT",
                            org.synovia.shared.Laterality.LEFT, "Mr Other", null), nurse.username());
        });

        assertThat(emailsTo(withEmail.patientId(), "surgeon-joint-replacement")).containsExactly("surgeon@example.com");
        assertThat(emailsTo(withoutEmail.patientId(), "surgeon-joint-replacement")).isEmpty();
        assertThat(checklists.daySafety(withEmail.id()).surgeonNotice()).hasValueSatisfying(n -> {
            assertThat(n.emailed()).isTrue();
            assertThat(n.stage()).isEqualTo("SIGN_IN");
        });
        assertThat(checklists.daySafety(withoutEmail.id()).surgeonNotice()).hasValueSatisfying(n -> {
            assertThat(n.emailed()).isFalse();
            assertThat(n.surgeonName()).isEqualTo("Mr Other");
        });
    }
}
