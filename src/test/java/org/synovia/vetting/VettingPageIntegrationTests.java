package org.synovia.vetting;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;

/** The accept form: a STOP without a reason is shown again beside its rule; with a reason it is accepted. */
@SynoviaIntegrationTest
class VettingPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Patients patients;

    @Autowired
    Referrals referrals;

    UserAccount radiologist;
    Referral referral;

    @BeforeEach
    void submit() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeAllergicToLidocaine(patientId));
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signOut();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private MockHttpServletRequestBuilder accept() {
        return VettingForms.acceptUltrasoundInjection(referral, radiologist);
    }

    @Test
    void showsTheStopAgainBesideItsRuleUntilAReasonIsGiven() throws Exception {
        mvc.perform(accept())
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "SAF-040 Allergy against planned agents: this STOP blocks acceptance until you give your reason")))
                .andExpect(content().string(Matchers.containsString("name=\"safetyJustifications[SAF-040]\"")));

        mvc.perform(accept().param("safetyJustifications[SAF-040]", "Reaction was to the adrenaline in the mixture."))
                .andExpect(redirectedUrl("/vetting"));
    }
}
