package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.synovia.testing.RecordCopies.with;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.safety.PlanAction;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.Severity;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.Laterality;

/** A referral reaches the safety engine with its facts intact, and users see the findings. */
@SynoviaIntegrationTest
class ReferralSafetyIntegrationTests {

    @Autowired
    ReferralSafety safety;

    @Autowired
    Clock clock;

    @Autowired
    Referrals referrals;

    @Autowired
    Patients patients;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MockMvc mvc;

    UserAccount referrer;
    UUID patientId;

    @BeforeEach
    void setUp() {
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        AccountFixtures.signIn(referrer);
        patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private ReferralDetails cervicalFacetOnApixaban() {
        return with(with(ReferralFixtures.kneeOnApixaban(patientId), "siteCode", "FACET_CERVICAL"), "spinalLevel", "C4/5");
    }

    @Test
    void plansAnApixabanHoldForACervicalFacetInjection() {
        SafetyAssessment assessment = safety.assess(cervicalFacetOnApixaban());

        assertThat(assessment.planFor(Antithrombotic.APIXABAN)).get()
                .satisfies(plan -> assertThat(plan.action()).isEqualTo(PlanAction.HOLD));
        assertThat(assessment.findings()).allSatisfy(f -> assertThat(f.sources()).isNotEmpty());
    }

    @Test
    void continuesApixabanForAKneeInjection() {
        SafetyAssessment assessment = safety.assess(ReferralFixtures.kneeOnApixaban(patientId));
        assertThat(assessment.planFor(Antithrombotic.APIXABAN)).get()
                .satisfies(plan -> assertThat(plan.action()).isEqualTo(PlanAction.CONTINUE));
    }

    @Test
    void refersToThePrescriberInsteadOfStoppingWhenThromboticRiskIsHigh() {
        ReferralDetails withStent = with(cervicalFacetOnApixaban(), "thromboticRisk",
                new ReferralDetails.ThromboticRisk(org.synovia.shared.YesNoUnknown.NO, LocalDate.now(clock).minusMonths(2), null, null));
        assertThat(safety.assess(withStent).planFor(Antithrombotic.APIXABAN)).get()
                .satisfies(plan -> assertThat(plan.action()).isEqualTo(PlanAction.REFER_TO_PRESCRIBER));
    }

    @Test
    void stopsForAProstheticJointAndForInfectionAtTheSite() {
        assertThat(safety.assess(with(ReferralFixtures.kneeOnApixaban(patientId), "prostheticJointAtSite", org.synovia.shared.YesNoUnknown.YES))
                .highestSeverity()).isEqualTo(Severity.STOP);
        assertThat(safety.assess(with(ReferralFixtures.kneeOnApixaban(patientId), "infectionAtSite", org.synovia.shared.YesNoUnknown.YES))
                .highestSeverity()).isEqualTo(Severity.STOP);
    }

    @Test
    void readsAShellfishAllergyAsNoBarToContrast() {
        ReferralDetails shellfish = with(with(with(ReferralFixtures.kneeOnApixaban(patientId), "siteCode", "FACET_LUMBAR"),
                "spinalLevel", "L4/5"), "allergies", List.of(new ReferralDetails.Allergy(AllergyCategory.OTHER, "Shellfish", "Hives")));
        SafetyAssessment assessment = safety.assess(shellfish);
        assertThat(assessment.findings()).noneMatch(f -> f.severity() == Severity.STOP && f.message().toLowerCase().contains("contrast"));
    }

    @Test
    void showsTheFindingsWithTheirSourcesOnTheReferralPage() throws Exception {
        Referral referral = referrals.submit(UUID.randomUUID(), cervicalFacetOnApixaban());
        mvc.perform(get("/referrals/" + referral.id()).with(user(referrer.username()).roles("REFERRER")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Safety checks")))
                .andExpect(content().string(Matchers.containsString("Medication plan")))
                .andExpect(content().string(Matchers.containsString("Source:")));
    }

    @Test
    void checksTheFormAsItIsFilled() throws Exception {
        mvc.perform(post("/referrals/safety-preview").with(user(referrer.username()).roles("REFERRER")).with(csrf())
                        .param("patientId", patientId.toString()).param("siteCode", "KNEE_JOINT").param("laterality", "LEFT")
                        .param("intent", "THERAPEUTIC").param("diabetes", "TYPE_2").param("takesInsulin", "YES")
                        .param("hba1cMmolPerMol", "75").param("pregnancy", "NOT_APPLICABLE")
                        .param("requestedInjectate", "CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"safety-assessment\"")))
                .andExpect(content().string(Matchers.containsString("CI-06")));
        mvc.perform(post("/referrals/safety-preview").with(user(referrer.username()).roles("REFERRER")).with(csrf())
                        .param("patientId", patientId.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Complete the site")));
    }

    @Test
    void keepsLateralityWhenMapping() {
        assertThat(safety.input(ReferralFixtures.kneeOnApixaban(patientId), safety.requestedProcedure(
                ReferralFixtures.kneeOnApixaban(patientId))).procedure().side()).isEqualTo(Laterality.LEFT);
    }
}
