package org.synovia.vetting;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.synovia.referral.RequestedInjectate;
import org.synovia.testing.RecordCopies;
import org.synovia.waitinglist.FundingState;
import org.synovia.waitinglist.WaitingList;

/**
 * Accepting a referral the commissioning policy does not fund asks the radiologist to confirm it, on the server: a
 * submit without the tick is shown again with the reason, and nothing is stored (ADR 0072).
 */
@SynoviaIntegrationTest
class UnfundedAcceptanceIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired WaitingList waitingList;

    UserAccount radiologist;
    Referral referral;

    @BeforeEach
    void submit() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        // Hyaluronan for knee osteoarthritis: NICE NG226 does not fund it (POL-001).
        referral = referrals.submit(UUID.randomUUID(), RecordCopies.with(ReferralFixtures.kneeAllergicToLidocaine(patientId),
                "requestedInjectate", RequestedInjectate.HYALURONAN));
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signOut();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private MockHttpServletRequestBuilder accept() {
        return VettingForms.acceptUltrasoundInjection(referral, radiologist)
                .param("safetyJustifications[SAF-040]", "Reaction was to the adrenaline in the mixture.");
    }

    @Test
    void asksForConfirmationBeforeAcceptingAnUnfundedReferralAndThenLeavesItAwaitingFunding() throws Exception {
        mvc.perform(accept())
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "The commissioning policy does not fund this referral as it stands (individual funding request needed).")))
                .andExpect(content().string(Matchers.containsString("name=\"confirmUnfunded\"")));
        assertThat(waitingList.entry(referral.id().value())).isEmpty();

        mvc.perform(accept().param("confirmUnfunded", "true")).andExpect(redirectedUrl("/vetting"));

        AccountFixtures.signIn(radiologist);
        assertThat(waitingList.entry(referral.id().value()).orElseThrow().funding().state())
                .isEqualTo(FundingState.AWAITING_APPROVAL);
    }
}
