package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** Several targets in one session through the real referral form, without JavaScript (HAZ-85). */
@SynoviaIntegrationTest
class ReferralTargetsFormIntegrationTests {

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

    /** A complete left-knee referral; each override replaces one field, or adds it. */
    private MockHttpServletRequestBuilder form(String path, UUID submissionKey, String... overrides) {
        Map<String, String> fields = ReferralForms.rightHip(patientId);
        fields.put("submissionKey", submissionKey.toString());
        fields.put("siteCode", "KNEE_JOINT");
        fields.put("laterality", "LEFT");
        fields.put("intent", "THERAPEUTIC");
        fields.put("requestedInjectate", "CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC");
        fields.put("clinicalQuestion", "Left knee OA and lateral hip pain; both for injection.");
        fields.put("weightKg", "70");
        fields.put("heightCm", "170");
        return ReferralForms.posted(path, referrer, fields, overrides);
    }

    private int referralsOfPatient() {
        return jdbc.sql("select count(*) from referral where patient_id = ?").param(patientId).query(Integer.class).single();
    }

    @Test
    void addsABlankTargetRowKeepingWhatWasTypedAndSavesNothing() throws Exception {
        String page = mvc.perform(form("/referrals", UUID.randomUUID(), "addTarget", "true",
                        "clinicalQuestion", "Typed before adding a target"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("aria-label=\"Site of target 2\"", "aria-label=\"Side of target 2\"",
                        "aria-label=\"What to inject at target 2\"", "Typed before adding a target")
                .doesNotContain("aria-label=\"Site of target 3\"")
                // nothing was checked yet: no message about the empty row
                .doesNotContain("Choose the site of this target");
        assertThat(referralsOfPatient()).isZero();
    }

    @Test
    void removesTheTargetWhoseRemoveButtonWasPressed() throws Exception {
        String page = mvc.perform(form("/referrals", UUID.randomUUID(), "removeTarget", "0",
                        "additionalTargets[0].siteCode", "HIP_JOINT", "additionalTargets[0].laterality", "LEFT",
                        "additionalTargets[1].siteCode", "TROCHANTERIC_BURSA", "additionalTargets[1].laterality", "LEFT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("aria-label=\"Site of target 2\"").doesNotContain("aria-label=\"Site of target 3\"");
        assertThat(page.substring(page.indexOf("aria-label=\"Site of target 2\"")))
                .containsPattern("value=\"TROCHANTERIC_BURSA\" selected");
        assertThat(referralsOfPatient()).isZero();
    }

    @Test
    void showsATargetsProblemBesideItsOwnFieldAndSavesNothing() throws Exception {
        String page = mvc.perform(form("/referrals", UUID.randomUUID(),
                        "additionalTargets[0].siteCode", "FACET_LUMBAR", "additionalTargets[0].laterality", "LEFT",
                        "additionalTargets[0].requestedInjectate", "LOCAL_ANAESTHETIC_ONLY"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String row = page.substring(page.indexOf("aria-label=\"Site of target 2\""));
        assertThat(row.substring(0, row.indexOf("aria-label=\"What to inject at target 2\"")))
                .contains("Give the spinal level, for example L4/5.");
        assertThat(page).contains("value=\"FACET_LUMBAR\" selected");
        assertThat(referralsOfPatient()).isZero();
    }

    @Test
    void storesEachTargetAndShowsItOnTheReferralPage() throws Exception {
        String location = mvc.perform(form("/referrals", UUID.randomUUID(),
                        "additionalTargets[0].siteCode", "TROCHANTERIC_BURSA", "additionalTargets[0].laterality", "LEFT",
                        "additionalTargets[0].requestedInjectate", "CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC",
                        // a row left blank is dropped, however it was numbered
                        "additionalTargets[1].siteCode", "", "additionalTargets[1].laterality", "",
                        "additionalTargets[2].siteCode", "FACET_LUMBAR", "additionalTargets[2].laterality", "BILATERAL",
                        "additionalTargets[2].spinalLevel", "L3/4, L4/5",
                        "additionalTargets[2].requestedInjectate", "LOCAL_ANAESTHETIC_ONLY"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(jdbc.sql("""
                select t.position || ' ' || t.site_code || ' ' || t.laterality || ' ' || coalesce(t.spinal_level, '-')
                       || ' ' || t.requested_injectate
                from referral_target t join referral r on r.id = t.referral_id where r.patient_id = ? order by t.position""")
                .param(patientId).query(String.class).list()).containsExactly(
                "0 TROCHANTERIC_BURSA LEFT - CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC",
                "1 FACET_LUMBAR BILATERAL L3/4, L4/5 LOCAL_ANAESTHETIC_ONLY");
        assertThat(jdbc.sql("""
                select a.details from audit_event a join referral r on r.id::text = a.record_id
                where r.patient_id = ? and a.action = 'CREATE' and a.record_type = 'Referral'""").param(patientId).query(String.class).single())
                .isEqualTo("submitted KNEE_JOINT + TROCHANTERIC_BURSA + FACET_LUMBAR");

        String page = mvc.perform(get(location).with(user(referrer.username()).roles("REFERRER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Greater trochanteric bursa, left: corticosteroid with local anaesthetic",
                "Lumbar facet joint, both sides L3/4, L4/5: local anaesthetic only (diagnostic)");
        // the usual local anaesthetic of every target is added by the engine
        assertThat(page).contains("across 3 targets");
        assertThat(mvc.perform(get("/referrals").with(user(referrer.username()).roles("REFERRER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Knee joint, left + 2 further targets");
    }

    @Test
    void amendingKeepsTheTargetsAndCanAddOne() throws Exception {
        String location = mvc.perform(form("/referrals", UUID.randomUUID(),
                        "additionalTargets[0].siteCode", "TROCHANTERIC_BURSA", "additionalTargets[0].laterality", "LEFT",
                        "additionalTargets[0].requestedInjectate", "CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String amendForm = mvc.perform(get(location + "/amend").with(user(referrer.username()).roles("REFERRER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(amendForm).contains("value=\"TROCHANTERIC_BURSA\" selected");

        mvc.perform(form(location + "/amend", UUID.randomUUID(), "amendmentReason", "Right hip too",
                        "additionalTargets[0].siteCode", "TROCHANTERIC_BURSA", "additionalTargets[0].laterality", "LEFT",
                        "additionalTargets[0].requestedInjectate", "CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC",
                        "additionalTargets[1].siteCode", "TROCHANTERIC_BURSA", "additionalTargets[1].laterality", "RIGHT",
                        "additionalTargets[1].requestedInjectate", "CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("""
                select t.site_code || ' ' || t.laterality from referral_target t join referral r on r.id = t.referral_id
                where r.patient_id = ? order by t.position""").param(patientId).query(String.class).list())
                .isEqualTo(List.of("TROCHANTERIC_BURSA LEFT", "TROCHANTERIC_BURSA RIGHT"));
    }
}
