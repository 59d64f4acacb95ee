package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.StaffGrade;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingFixtures;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralFixtures;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.Severity;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.Protocol;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.Priority;

/**
 * The time-out runs the engine with the drugs about to be given (issue 12 §3, ADR 0043, HAZ-89): typed values,
 * pre-filled from the protocol; a STOP holds the time-out until overridden by the clinic's named grade; the record
 * starts from what the time-out confirmed and shows where it differs.
 */
@SynoviaIntegrationTest
class TimeOutDrugsIntegrationTests {

    @Autowired Checklists checklists;
    @Autowired ProcedureRecords procedureRecords;
    @Autowired ProcedurePages pages;
    @Autowired UserAccounts accounts;
    @Autowired Vetting vetting;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;

    ProcedureFixtures fixtures;
    UserAccount radiologist;
    UserAccount nurse;

    @BeforeEach
    void setUp() {
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        nurse = AccountFixtures.create(accounts, Role.NURSE);
        fixtures = ProcedureFixtures.of(context);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** A 50 kg patient: bupivacaine's maximum is 2 mg/kg = 100 mg, i.e. 20 mL of 0.5% (facts LA-02). */
    private static ReferralDetails fiftyKilogramKnee(UUID patientId) {
        return RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId), "weightKg", new BigDecimal("50"));
    }

    private static ReferralDetails trochantericBursa(UUID patientId) {
        ReferralDetails details = RecordCopies.with(ReferralFixtures.kneeOnApixaban(patientId), "siteCode", "TROCHANTERIC_BURSA");
        return RecordCopies.with(details, "previousInjections", List.of());
    }

    private static Protocol ultrasoundBursa() {
        return new Protocol(Guidance.ULTRASOUND, null, "Methylprednisolone acetate 40 mg/mL", new BigDecimal("40"),
                "Lidocaine 1%", new BigDecimal("2"), false, "CONSULTANT", null, 20, Priority.ROUTINE, false);
    }

    /** Consented, observed and signed in by the nurse, who stays signed in: the time-out comes next. */
    private Appointment signedIn(java.util.function.Function<UUID, ReferralDetails> details, Protocol protocol) {
        Appointment appointment = fixtures.consented(radiologist, nurse, details, protocol);
        ProcedureFixtures.unremarkableObservations(checklists, appointment.id(), LocalDateTime.now(clock));
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN, fixtures.everything(appointment.id(), ChecklistStep.SIGN_IN));
        return appointment;
    }

    private static DrugToGive.Row row(String agent, String doseMg, String strengthPercent, String volumeMl) {
        return new DrugToGive.Row(agent == null ? null : InjectedAgent.valueOf(agent), number(doseMg), number(strengthPercent),
                number(volumeMl));
    }

    private static BigDecimal number(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private void timeOut(Appointment appointment, List<DrugToGive.Row> drugs) {
        checklists.confirmTimeOut(appointment.id(), fixtures.everything(appointment.id(), ChecklistStep.TIME_OUT), drugs);
    }

    @ParameterizedTest(name = "{0}: {1} {2} mg, {4} {5}% {6} mL → STOP {7}")
    @CsvSource(nullValues = "none", value = {
            // At, just under and just over the largest permitted volume of bupivacaine 0.5% for 50 kg (20 mL).
            "KNEE, METHYLPREDNISOLONE_ACETATE, 40, 1, BUPIVACAINE, 0.5, 19.9, none",
            "KNEE, METHYLPREDNISOLONE_ACETATE, 40, 1, BUPIVACAINE, 0.5, 20, none",
            "KNEE, METHYLPREDNISOLONE_ACETATE, 40, 1, BUPIVACAINE, 0.5, 20.1, SAF-070",
            // A particulate steroid outside a joint is stopped (ST-03); the non-particulate one is not.
            "BURSA, TRIAMCINOLONE_HEXACETONIDE, 20, 1, LIDOCAINE, 1, 2, SAF-080",
            "BURSA, DEXAMETHASONE, 4, 1, LIDOCAINE, 1, 2, none",
            "BURSA, METHYLPREDNISOLONE_ACETATE, 40, 1, LIDOCAINE, 1, 2, none"})
    void runsTheEngineWithTheDrugsAboutToBeGivenAndAStopHoldsTheTimeOut(String target, String steroid, String steroidMg,
            String steroidMl, String anaesthetic, String strength, String anaestheticMl, String stopRule) {
        Appointment appointment = target.equals("KNEE")
                ? signedIn(TimeOutDrugsIntegrationTests::fiftyKilogramKnee, BookingFixtures.ultrasoundKnee())
                : signedIn(TimeOutDrugsIntegrationTests::trochantericBursa, ultrasoundBursa());
        List<DrugToGive.Row> drugs = List.of(row(steroid, steroidMg, null, steroidMl),
                row(anaesthetic, null, strength, anaestheticMl), row(null, null, null, null));

        if (stopRule != null) {
            assertThatThrownBy(() -> timeOut(appointment, drugs)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Time-out not confirmed: The time-out safety check needs a decision: " + stopRule
                            + " (STOP)");
        }
        else {
            timeOut(appointment, drugs);
        }

        DaySafetyCheck check = checklists.daySafety(appointment.id()).check(ChecklistStep.TIME_OUT).orElseThrow();
        assertThat(check.drugsChecked()).extracting(d -> d.agent().name()).containsExactly(steroid, anaesthetic);
        assertThat(check.drugsChecked().get(1).volumeMl()).isEqualByComparingTo(anaestheticMl);
        assertThat(check.drugs()).contains(InjectedAgent.valueOf(anaesthetic).label() + " " + strength + "% " + anaestheticMl + " mL");
        assertThat(check.findings().stream().filter(f -> f.severity() == Severity.STOP).map(DaySafetyCheck.Finding::ruleId))
                .containsExactlyElementsOf(stopRule == null ? List.of() : List.of(stopRule));
        assertThat(checklists.checklist(appointment.id()).next())
                .contains(stopRule == null ? ChecklistStep.SIGN_OUT : ChecklistStep.TIME_OUT);
        if ("SAF-070".equals(stopRule)) {
            assertThat(check.findings()).filteredOn(f -> f.ruleId().equals("SAF-070")).first()
                    .satisfies(f -> assertThat(f.message()).contains("bupivacaine 100.5 mg of max 100 mg")
                            .contains("largest permitted 20 mL of 0.5% bupivacaine"));
        }
    }

    @Test
    void aHeldTimeOutGoesOnAfterAConsultantOverridesOrWithOtherDrugs() {
        Appointment overridden = signedIn(TimeOutDrugsIntegrationTests::fiftyKilogramKnee, BookingFixtures.ultrasoundKnee());
        List<DrugToGive.Row> tooMuch = List.of(row("METHYLPREDNISOLONE_ACETATE", "40", null, "1"),
                row("BUPIVACAINE", null, "0.5", "24"));
        assertThatThrownBy(() -> timeOut(overridden, tooMuch)).isInstanceOf(InvalidInputException.class);

        UserAccount registrar = AccountFixtures.create(accounts, StaffGrade.SPECIALTY_REGISTRAR, Role.RADIOLOGIST);
        AccountFixtures.signIn(registrar);
        assertThatThrownBy(() -> checklists.decide(overridden.id(), ChecklistStep.TIME_OUT, "SAF-070",
                DaySafetyCheck.Decision.Kind.OVERRIDE, "Volume needed to fill the joint"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Only a consultant radiologist may override this STOP.");
        AccountFixtures.signIn(radiologist);
        checklists.decide(overridden.id(), ChecklistStep.TIME_OUT, "SAF-070", DaySafetyCheck.Decision.Kind.OVERRIDE,
                "Weighed again: 61 kg; the referral's weight was out of date");
        AccountFixtures.signIn(nurse);
        timeOut(overridden, tooMuch);
        assertThat(checklists.daySafety(overridden.id()).checks()).filteredOn(c -> c.step() == ChecklistStep.TIME_OUT)
                .singleElement().satisfies(c -> assertThat(c.decision("SAF-070")).isPresent());
        assertThat(checklists.checklist(overridden.id()).next()).contains(ChecklistStep.SIGN_OUT);

        AccountFixtures.signIn(nurse);
        Appointment changed = signedIn(TimeOutDrugsIntegrationTests::fiftyKilogramKnee, BookingFixtures.ultrasoundKnee());
        assertThatThrownBy(() -> timeOut(changed, tooMuch)).isInstanceOf(InvalidInputException.class);
        assertThat(checklists.daySafety(changed.id()).timeOutDrugs()).extracting(DrugToGive::volumeMl)
                .containsExactly(new BigDecimal("1"), new BigDecimal("24"));
        timeOut(changed, List.of(row("METHYLPREDNISOLONE_ACETATE", "40", null, "1"), row("BUPIVACAINE", null, "0.5", "10")));
        DaySafety safety = checklists.daySafety(changed.id());
        assertThat(safety.checks()).filteredOn(c -> c.step() == ChecklistStep.TIME_OUT).extracting(DaySafetyCheck::run)
                .containsExactly(1, 2);
        assertThat(safety.superseded(safety.checks().stream().filter(c -> c.run() == 1 && c.step() == ChecklistStep.TIME_OUT)
                .findFirst().orElseThrow())).isTrue();
        assertThat(checklists.checklist(changed.id()).next()).contains(ChecklistStep.SIGN_OUT);
        // Refused to the application by grant (ADR 0048), and to the schema's owner by the trigger.
        assertThatThrownBy(() -> jdbc.sql("update day_safety_drug set volume_ml = 1").update())
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> org.synovia.database.EmbeddedDatabaseLogins.execute(context,
                org.synovia.database.EmbeddedDatabaseLogins.OWNER, "update day_safety_drug set volume_ml = 1"))
                .hasMessageContaining("never changed");
    }

    @Test
    void theRecordStartsFromTheTimeOutsDrugsAndShowsWhereItDiffers() throws Exception {
        Appointment appointment = signedIn(ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        var asNurse = user(nurse.username()).roles("NURSE");
        mvc.perform(get("/day/{id}", appointment.id()).with(asNurse))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Drugs about to be given")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*<option value=\"LIDOCAINE\" selected=\"selected\">.*")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*id=\"drugs1.volumeMl\"[^>]*value=\"2\".*")));
        mvc.perform(post("/day/{id}/checklist/TIME_OUT", appointment.id()).with(asNurse).with(csrf())
                        .params(items(appointment)).param("drugs[0].agent", "METHYLPREDNISOLONE_ACETATE")
                        .param("drugs[0].doseMg", "40").param("drugs[0].volumeMl", "1")
                        .param("drugs[1].agent", "LIDOCAINE").param("drugs[1].strengthPercent", "1")
                        .param("drugs[1].volumeMl", "lots"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter a number, for example 72.5.")));
        mvc.perform(post("/day/{id}/checklist/TIME_OUT", appointment.id()).with(asNurse).with(csrf())
                        .params(items(appointment)).param("drugs[0].agent", "METHYLPREDNISOLONE_ACETATE")
                        .param("drugs[0].volumeMl", "1").param("drugs[1].agent", "LIDOCAINE")
                        .param("drugs[1].strengthPercent", "1").param("drugs[1].volumeMl", "45"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter the dose of methylprednisolone acetate in mg.")))
                .andExpect(content().string(Matchers.containsString("Enter the volume about to be given, more than 0 and at most 30 mL.")));
        AccountFixtures.signIn(nurse);
        assertThat(checklists.daySafety(appointment.id()).check(ChecklistStep.TIME_OUT)).isEmpty();
        mvc.perform(post("/day/{id}/checklist/TIME_OUT", appointment.id()).with(asNurse).with(csrf())
                        .params(items(appointment)).param("drugs[0].agent", "METHYLPREDNISOLONE_ACETATE")
                        .param("drugs[0].doseMg", "40").param("drugs[0].volumeMl", "1")
                        .param("drugs[1].agent", "LIDOCAINE").param("drugs[1].strengthPercent", "1")
                        .param("drugs[1].volumeMl", "1.5"))
                .andExpect(status().is3xxRedirection());

        var asRadiologist = user(radiologist.username()).roles("RADIOLOGIST");
        mvc.perform(get("/day/{id}/record", appointment.id()).with(asRadiologist))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.matchesPattern("(?s).*name=\"drugs\\[0\\]\\.product\" value=\"Methylprednisolone acetate\".*")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*name=\"drugs\\[0\\]\\.dose\" value=\"40 mg\".*")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*name=\"drugs\\[1\\]\\.product\" value=\"Lidocaine 1%\".*")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*name=\"drugs\\[1\\]\\.volumeMl\" value=\"1.5\".*")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("record-against-time-out"))));

        AccountFixtures.signIn(radiologist);
        LocalDate expiry = LocalDate.now(clock).plusMonths(6);
        procedureRecords.saveRecord(appointment.id(), new ProcedureRecord("Dr Example", null, Guidance.ULTRASOUND, null, "21G 40 mm",
                null, null, null, List.of(new DrugGiven("Methylprednisolone acetate 40 mg/mL", "40 mg", new BigDecimal("1"),
                                "MP1", expiry, "intra-articular", "left knee"),
                        new DrugGiven("Lidocaine 1%", "30 mg", new BigDecimal("3"), "L1", expiry, "intra-articular", "left knee")),
                false, true, 1, null, null, null, null, null, 7, "none", true, null, null, null, null));
        assertThat(pages.record(appointment.id()).againstTimeOut()).containsExactly(
                "Given differs from the time-out check (HAZ-89): lidocaine 3 mL given, 1.5 mL checked");
        mvc.perform(get("/day/{id}/record", appointment.id()).with(asRadiologist))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"record-against-time-out\"")))
                .andExpect(content().string(Matchers.containsString("lidocaine 3 mL given, 1.5 mL checked")));
        AccountFixtures.signIn(radiologist);
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT, fixtures.everything(appointment.id(), ChecklistStep.SIGN_OUT));
        procedureRecords.sign(appointment.id());
        assertThat(jdbc.sql("select report_text from procedure_report where appointment_id = ? and version = 1")
                .param(appointment.id()).query(String.class).single())
                .contains("Given differs from the time-out check (HAZ-89): lidocaine 3 mL given, 1.5 mL checked")
                .contains("drugs checked: methylprednisolone acetate 40 mg in 1 mL, lidocaine 1% 1.5 mL (15 mg)");
    }

    private org.springframework.util.MultiValueMap<String, String> items(Appointment appointment) {
        var items = new org.springframework.util.LinkedMultiValueMap<String, String>();
        AccountFixtures.signIn(nurse);
        fixtures.everything(appointment.id(), ChecklistStep.TIME_OUT).forEach(code -> items.add("items", code));
        return items;
    }
}
