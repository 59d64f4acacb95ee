package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.NewPatient;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.safety.Finding;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.Severity;
import org.synovia.shared.Sex;

/**
 * Each fact the form now asks travels form → database → the one mapping → engine and changes what the engine
 * says. Assertions name the rule and its fact rows, not its wording, which is being revised on its own.
 */
@SynoviaIntegrationTest
class ReferralFactsFormIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Patients patients;

    @Autowired
    Referrals referrals;

    @Autowired
    ReferralSafety safety;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    UserAccount referrer;
    UUID patientId;

    @BeforeEach
    void setUp() {
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        AccountFixtures.signIn(referrer);
        NewPatient adult = PatientFixtures.adult();
        // 30 years old: inside the pregnancy-enquiry ages, so the last period matters.
        NewPatient young = new NewPatient(adult.nhsNumber(), null, adult.familyName(), "Sam", LocalDate.now(clock).minusYears(30),
                Sex.FEMALE, adult.mobile(), adult.email(), adult.gpName(), adult.gpPractice(),
                adult.address());
        patientId = ((Registration.Registered) patients.register(young, false)).patient().id().value();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private MockHttpServletRequestBuilder form(String... overrides) {
        Map<String, String> fields = ReferralForms.rightHip(patientId);
        fields.put("siteCode", "FACET_LUMBAR");
        fields.put("spinalLevel", "L4/5");
        fields.put("intent", "THERAPEUTIC");
        fields.put("clinicalQuestion", "Facet pain, relief expected?");
        fields.put("pregnancy", "NOT_PREGNANT");
        fields.put("weightKg", "70");
        return ReferralForms.posted("/referrals", referrer, fields, overrides);
    }

    /** Submits the form and returns the referral it stored. */
    private Referral submitted(String... overrides) throws Exception {
        MockHttpServletRequestBuilder request = form(overrides);
        String key = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getParameter("submissionKey");
        mvc.perform(request).andExpect(status().is3xxRedirection());
        UUID id = jdbc.sql("select id from referral where submission_key = ?").param(UUID.fromString(key)).query(UUID.class).single();
        return referrals.show(new ReferralId(id));
    }

    /** The referral checked against its usual procedure on a date {@code daysAhead} from today. */
    private SafetyAssessment assessedOn(Referral referral, int daysAhead) {
        var procedure = safety.requestedProcedure(referral.details())
                .withStart(LocalDate.now(clock).plusDays(daysAhead).atTime(LocalTime.of(10, 0)));
        return safety.assess(referral.details(), procedure);
    }

    private static Optional<Finding> finding(SafetyAssessment assessment, String ruleId) {
        return assessment.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
    }

    @Test
    void olderAgeRaisesTheAsraCategoryOfALumbarFacetInjection() throws Exception {
        Referral older = submitted("olderAge", "YES");
        Referral notOlder = submitted("olderAge", "NO");

        assertThat(jdbc.sql("select older_age from referral where id = ?").param(older.id().value()).query(String.class).single())
                .isEqualTo("YES");
        assertThat(finding(safety.assess(older.details()), "SAF-010")).get()
                .satisfies(f -> assertThat(f.message()).contains("ASRA category raised one step for older age").contains("PR-06"));
        assertThat(finding(safety.assess(notOlder.details()), "SAF-010")).get()
                .satisfies(f -> assertThat(f.message()).doesNotContain("raised one step"));
    }

    @Test
    void infectionNotKnownIsAFindingOfItsOwnWhileNoIsNone() throws Exception {
        Referral notAsked = submitted();
        Referral no = submitted("infectionAtSite", "NO");
        Referral yes = submitted("infectionAtSite", "YES");

        assertThat(notAsked.details().infectionAtSite()).isEqualTo(org.synovia.shared.YesNoUnknown.NOT_KNOWN);
        assertThat(finding(safety.assess(notAsked.details()), "SAF-020")).get()
                .satisfies(f -> assertThat(f.severity()).isNotEqualTo(Severity.STOP))
                .satisfies(f -> assertThat(f.message()).contains("CI-01"));
        assertThat(finding(safety.assess(no.details()), "SAF-020")).isEmpty();
        assertThat(finding(safety.assess(yes.details()), "SAF-020")).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP));
    }

    @Test
    void theInrWithItsDateReachesTheWarfarinCheck() throws Exception {
        String today = LocalDate.now(clock).toString();
        String[] warfarin = {"siteCode", "KNEE_JOINT", "laterality", "LEFT", "spinalLevel", "",
                "antithrombotics[0].drug", "WARFARIN", "antithrombotics[0].dose", "3 mg",
                "antithrombotics[0].frequency", "ONCE_DAILY", "antithrombotics[0].doseTimes", "18:00"};
        Referral withInr = submitted(concat(warfarin, "inrValue", "2.1", "inrDate", today));
        Referral withoutInr = submitted(warfarin);
        Referral highInr = submitted(concat(warfarin, "inrValue", "3.4", "inrDate", today));

        assertThat(finding(assessedOn(withInr, 1), "SAF-012")).get()
                .satisfies(f -> assertThat(f.message()).contains("2.1").contains("AC-01"))
                .satisfies(f -> assertThat(f.severity()).isNotEqualTo(Severity.STOP));
        assertThat(finding(assessedOn(withoutInr, 1), "SAF-012")).get()
                .satisfies(f -> assertThat(f.message()).doesNotContain("2.1"))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
        assertThat(finding(assessedOn(highInr, 1), "SAF-012")).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP));
    }

    @Test
    void theLastPeriodReachesThePregnancyCheckBeforeRadiation() throws Exception {
        Referral overdue = submitted("childbearingPotential", "YES", "lastMenstrualPeriod",
                LocalDate.now(clock).minusDays(38).toString(), "pregnancyAskedPrivately", "true");
        Referral recent = submitted("childbearingPotential", "YES", "lastMenstrualPeriod",
                LocalDate.now(clock).minusDays(5).toString());

        assertThat(overdue.details().pregnancyAskedPrivately()).isTrue();
        assertThat(finding(assessedOn(overdue, 2), "SAF-050")).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP))
                .satisfies(f -> assertThat(f.message()).contains("PG-03"));
        assertThat(finding(assessedOn(recent, 2), "SAF-050")).get()
                .satisfies(f -> assertThat(f.severity()).isNotEqualTo(Severity.STOP));
    }

    @Test
    void aPlannedReplacementWithItsSurgeonReachesTheIntervalCheck() throws Exception {
        Referral planned = submitted("siteCode", "KNEE_JOINT", "laterality", "LEFT", "spinalLevel", "",
                "plannedReplacementDate", LocalDate.now(clock).plusDays(40).toString(),
                "plannedReplacementSurgeonName", "Ms Knee Surgeon", "plannedReplacementSurgeonEmail", "knee.surgeon@example.nhs.uk");

        var facts = safety.input(planned.details(), safety.requestedProcedure(planned.details())).patient();
        assertThat(facts.plannedJointReplacement().surgeonEmail()).isEqualTo("knee.surgeon@example.nhs.uk");
        Referral none = submitted("siteCode", "KNEE_JOINT", "laterality", "LEFT", "spinalLevel", "");

        assertThat(citing(assessedOn(planned, 1), "RI-10")).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP));
        assertThat(citing(assessedOn(none, 1), "RI-10")).isEmpty();
    }

    @Test
    void theVettingPageShowsTheAnswersAndAnAmendmentCorrectsThem() throws Exception {
        Referral referral = submitted("olderAge", "YES");
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/vetting/" + referral.id())
                        .with(user(radiologist.username()).roles("RADIOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Older age: Yes")))
                .andExpect(content().string(Matchers.containsString("At the site: Not known")));

        MockHttpServletRequestBuilder amend = form("infectionAtSite", "NO", "olderAge", "YES",
                "amendmentReason", "Skin checked in clinic");
        amend = copyParams(amend, post("/referrals/" + referral.id() + "/amend")
                .with(user(radiologist.username()).roles("RADIOLOGIST")).with(csrf()));
        mvc.perform(amend).andExpect(status().is3xxRedirection());

        assertThat(referrals.show(referral.id()).details().infectionAtSite()).isEqualTo(org.synovia.shared.YesNoUnknown.NO);
        assertThat(finding(safety.assess(referrals.show(referral.id()).details()), "SAF-020")).isEmpty();
    }

    private static MockHttpServletRequestBuilder copyParams(MockHttpServletRequestBuilder from, MockHttpServletRequestBuilder to) {
        from.buildRequest(new org.springframework.mock.web.MockServletContext()).getParameterMap()
                .forEach((name, values) -> to.param(name, values));
        return to;
    }

    @Test
    void refusesAnInrWithoutItsDateBesideTheField() throws Exception {
        mvc.perform(form("inrValue", "2.4"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Give the date of the INR test")));
        assertThat(jdbc.sql("select count(*) from referral where patient_id = ?").param(patientId).query(Integer.class).single())
                .isZero();
    }

    @Test
    void asksEveryYesNoQuestionWithNotKnownChosenByDefault() throws Exception {
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/referrals/new").param("patientId", patientId.toString())
                        .with(user(referrer.username()).roles("REFERRER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String question : List.of("infectionAtSite", "systemicInfection", "suspectedSepticJoint", "prostheticJointAtSite",
                "previousContrastReaction", "takesInsulin", "mechanicalHeartValve", "olderAge", "bleedingTendency",
                "advancedLiverDisease", "advancedRenalDisease", "childbearingPotential")) {
            assertThat(page).as(question).containsPattern("<input type=\"radio\" value=\"NOT_KNOWN\" id=\"" + question
                    + "\\d\" name=\"" + question + "\" checked=\"checked\">");
            assertThat(page).as(question).doesNotContain("type=\"checkbox\" id=\"" + question);
        }
    }

    private static Optional<Finding> citing(SafetyAssessment assessment, String factRow) {
        return assessment.findings().stream().filter(f -> f.message().contains(factRow)).findFirst();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
