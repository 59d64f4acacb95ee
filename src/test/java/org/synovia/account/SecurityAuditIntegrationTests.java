package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.synovia.SynoviaIntegrationTest;

/**
 * Sign-ins, refused credentials, refused pages and every change to an account are in the audit trail; a refused
 * sign-in looks the same to the person trying whether or not the account exists.
 */
@SynoviaIntegrationTest
class SecurityAuditIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private List<Map<String, Object>> trailOf(String username) {
        return jdbc.sql("select username, roles, action, record_type, record_id, details, remote_address from audit_event "
                + "where username = ? or record_id = ? order by id").params(username, username).query().listOfRows();
    }

    @Test
    void recordsASignIn() throws Exception {
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);

        mvc.perform(formLogin().user(nurse.username()).password(AccountFixtures.PASSWORD));

        assertThat(trailOf(nurse.username())).filteredOn(row -> "SIGN_IN".equals(row.get("action"))).singleElement()
                .satisfies(row -> {
                    assertThat(row).containsEntry("roles", "NURSE").containsEntry("details", "signed in");
                    assertThat(row.get("remote_address")).isNotNull();
                });
    }

    @Test
    void recordsRefusedSignInsAlikeForAWrongPasswordAndAnUnknownAccountAndShowsTheSamePage() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        String unknown = "nobody." + System.nanoTime() % 1_000_000;

        MvcResult wrongPassword = mvc.perform(formLogin().user(clerk.username()).password("not the password")).andReturn();
        MvcResult noSuchAccount = mvc.perform(formLogin().user(unknown).password("not the password")).andReturn();

        assertThat(wrongPassword.getResponse().getRedirectedUrl()).isEqualTo("/login?error")
                .isEqualTo(noSuchAccount.getResponse().getRedirectedUrl());
        Map<String, Object> known = trailOf(clerk.username()).getLast();
        Map<String, Object> stranger = trailOf(unknown).getLast();
        assertThat(known).containsEntry("action", "SIGN_IN_REFUSED").containsEntry("roles", "NONE")
                .containsEntry("details", "credentials refused at POST /login");
        assertThat(stranger).containsEntry("username", unknown);
        known.remove("username");
        stranger.remove("username");
        assertThat(stranger).isEqualTo(known);
    }

    @Test
    void recordsAPageRefusedToASignedInPerson() throws Exception {
        String nurse = "nurse.refused." + System.nanoTime() % 1_000_000;

        mvc.perform(get("/admin/users").with(user(nurse).roles("NURSE"))).andExpect(status().isForbidden());

        assertThat(trailOf(nurse)).singleElement().satisfies(row -> assertThat(row).containsEntry("action", "ACCESS_REFUSED")
                .containsEntry("roles", "NURSE").containsEntry("details", "refused: GET /admin/users"));
    }

    @Test
    void sendsAnAnonymousVisitorToSignInWithoutRecordingARefusal() throws Exception {
        long before = jdbc.sql("select count(*) from audit_event where action = 'ACCESS_REFUSED'").query(Long.class).single();

        mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCESS_REFUSED'").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void recordsEveryChangeToAnAccountWithWhoMadeIt() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        String username = "audited." + System.nanoTime() % 1_000_000;

        mvc.perform(post("/admin/users").param("username", username).param("displayName", "Dr Audited")
                .param("roles", "RADIOLOGIST").param("password", AccountFixtures.PASSWORD)
                .with(user(admin.username()).roles("ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/users/{u}/grade", username).param("grade", "CONSULTANT")
                .with(user(admin.username()).roles("ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/users/{u}/password", username).param("password", "another long password")
                .with(user(admin.username()).roles("ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/users/{u}/enabled", username).param("enabled", "false")
                .with(user(admin.username()).roles("ADMIN")).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select username || ' ' || action || ' ' || details from audit_event where record_type = ? "
                        + "and record_id = ? order by id").params(UserAccounts.ACCOUNT, username).query(String.class).list())
                .containsExactly(admin.username() + " CREATE account created with roles [RADIOLOGIST], grade none",
                        admin.username() + " UPDATE grade set to CONSULTANT",
                        admin.username() + " UPDATE password reset",
                        admin.username() + " UPDATE account disabled; before: enabled, after: disabled");
        assertThat(jdbc.sql("select count(*) from audit_event where details like ?").param("%" + "another long password" + "%")
                .query(Integer.class).single()).isZero();
    }
}
