package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
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
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;

@SynoviaIntegrationTest
class ReferralFormIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Patients patients;

    @Autowired
    JdbcClient jdbc;

    UserAccount referrer;
    UUID patientId;

    @BeforeEach
    void setUp() {
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        AccountFixtures.signIn(referrer);
        patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        AccountFixtures.signOut();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /** A complete, valid form; each override replaces one field (an empty value blanks it). */
    private MockHttpServletRequestBuilder completeForm(UUID submissionKey, String... overrides) {
        Map<String, String> fields = ReferralForms.rightHip(patientId);
        fields.put("submissionKey", submissionKey.toString());
        fields.put("treatments[0].kind", "PHYSIOTHERAPY");
        fields.put("treatments[0].durationWeeks", "8");
        fields.put("treatments[1].kind", "");
        fields.put("treatments[1].durationWeeks", "");
        fields.put("antithrombotics[0].drug", "RIVAROXABAN");
        fields.put("antithrombotics[0].dose", "20 mg");
        fields.put("antithrombotics[0].frequency", "ONCE_DAILY");
        fields.put("antithrombotics[0].doseTimes", "18:00");
        return ReferralForms.posted("/referrals", referrer, fields, overrides);
    }

    @Test
    void savesACompleteFormOnceEvenWhenSubmittedTwice() throws Exception {
        UUID key = UUID.randomUUID();
        mvc.perform(completeForm(key)).andExpect(status().is3xxRedirection());
        mvc.perform(completeForm(key)).andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select count(*) from referral where patient_id = ?").param(patientId).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select drug || ' ' || dose_times from referral_antithrombotic a join referral r on r.id = a.referral_id where r.patient_id = ?")
                .param(patientId).query(String.class).list()).containsExactly("RIVAROXABAN 18:00");
    }

    @Test
    void showsProblemsBesideTheirFieldsKeepsWhatWasTypedAndSavesNothing() throws Exception {
        mvc.perform(completeForm(UUID.randomUUID(), "weightKg", "700", "egfr", "900", "antithrombotics[0].dose", "",
                        "clinicalQuestion", "<b>bold</b> question"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter a weight in kg between 2 and 350.")))
                .andExpect(content().string(Matchers.containsString("Enter eGFR in mL/min/1.73 m², between 1 and 200.")))
                .andExpect(content().string(Matchers.containsString("Enter the dose, for example 5 mg.")))
                .andExpect(content().string(Matchers.containsString("Enter the date of the blood test.")))
                .andExpect(content().string(Matchers.containsString("&lt;b&gt;bold&lt;/b&gt; question")));

        assertThat(jdbc.sql("select count(*) from referral where patient_id = ?").param(patientId).query(Integer.class).single())
                .isZero();
    }

    @Test
    void refusesOversizedTextWithAMessageBesideTheField() throws Exception {
        mvc.perform(completeForm(UUID.randomUUID(), "clinicalQuestion", "x".repeat(5000)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Use at most 2000 characters (this has 5000).")));
    }
}
