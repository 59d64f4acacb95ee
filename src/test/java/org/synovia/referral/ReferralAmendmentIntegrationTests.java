package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.synovia.testing.RecordCopies.with;

import java.math.BigDecimal;
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
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.InvalidInputException;

@SynoviaIntegrationTest
class ReferralAmendmentIntegrationTests {

    @Autowired
    Referrals referrals;

    @Autowired
    ReferralSafety safety;

    @Autowired
    Patients patients;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MockMvc mvc;

    UserAccount referrer;
    Referral referral;

    @BeforeEach
    void submit() {
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        AccountFixtures.signIn(referrer);
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        referral = referrals.submit(UUID.randomUUID(), with(with(ReferralFixtures.kneeOnApixaban(patientId), "siteCode",
                "FACET_CERVICAL"), "spinalLevel", "C5/6"));
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void keepsTheDetailsAsTheyWereAndRecomputesTheSafetyChecks() {
        ReferralDetails warfarin = with(with(referral.details(), "weightKg", new BigDecimal("64.0")), "antithrombotics",
                List.of(new ReferralDetails.AntithromboticMedicine(Antithrombotic.WARFARIN, "5 mg", DoseFrequency.ONCE_DAILY, "18:00")));

        Referral amended = referrals.amend(referral.id(), warfarin, "Switched from apixaban to warfarin last week");

        assertThat(amended.details()).isEqualTo(warfarin);
        assertThat(referrals.amendments(referral.id())).singleElement().satisfies(a -> {
            assertThat(a.amendedBy()).isEqualTo(referrer.username());
            assertThat(a.reason()).isEqualTo("Switched from apixaban to warfarin last week");
            assertThat(a.previousDetails()).contains("APIXABAN").contains("80.5");
        });
        assertThat(safety.assess(amended.details()).planFor(Antithrombotic.WARFARIN)).get()
                .satisfies(plan -> assertThat(plan.action()).isEqualTo(PlanAction.HOLD));
    }

    @Test
    void refusesAChangeWithoutAReasonOrOfThePatient() {
        assertThatThrownBy(() -> referrals.amend(referral.id(), referral.details(), " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say why");
        assertThatThrownBy(() -> referrals.amend(referral.id(), with(referral.details(), "patientId", UUID.randomUUID()), "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("patient of a referral cannot change");
        assertThat(referrals.amendments(referral.id())).isEmpty();
    }

    @Test
    void refusesAnotherReferrerAndAnEndedReferral() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        assertThatThrownBy(() -> referrals.amend(referral.id(), referral.details(), "mine now"))
                .isInstanceOf(ReferralNotFoundException.class);

        AccountFixtures.signIn(referrer);
        referrals.withdraw(referral.id(), "Settled");
        assertThatThrownBy(() -> referrals.amend(referral.id(), referral.details(), "too late"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("can no longer be changed");
    }

    @Test
    void offersTheFormFilledWithTheStoredDetails() throws Exception {
        mvc.perform(get("/referrals/" + referral.id() + "/amend").with(user(referrer.username()).roles("REFERRER"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Change the referral")))
                .andExpect(content().string(Matchers.containsString("value=\"C5/6\"")))
                .andExpect(content().string(Matchers.containsString("Why the details change")));
    }
}
