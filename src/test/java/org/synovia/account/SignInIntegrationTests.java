package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;

@SynoviaIntegrationTest
class SignInIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Value("${server.servlet.session.timeout}")
    String sessionTimeout;

    @Test
    void signsInWithTheRightPasswordOnlyAndStoresNoPlainPassword() throws Exception {
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);

        mvc.perform(formLogin().user(nurse.username()).password(AccountFixtures.PASSWORD))
                .andExpect(authenticated().withUsername(nurse.username()).withRoles("NURSE"));
        mvc.perform(formLogin().user(nurse.username()).password("wrong password"))
                .andExpect(unauthenticated());
        assertThat(jdbc.sql("select password_hash from user_account where username = ?").param(nurse.username())
                .query(String.class).single()).startsWith("{bcrypt}").doesNotContain(AccountFixtures.PASSWORD);
    }

    @Test
    void refusesADisabledAccount() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        accounts.setEnabled(clerk.username(), false);

        mvc.perform(formLogin().user(clerk.username()).password(AccountFixtures.PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void createsTheFirstAdministratorWithTheConfiguredPasswordOnly() throws Exception {
        mvc.perform(formLogin().user("admin").password("test-admin-password"))
                .andExpect(authenticated().withRoles("ADMIN"));
        mvc.perform(formLogin().user("admin").password("synovia-demo")).andExpect(unauthenticated());
    }

    @Test
    void endsIdleSessionsAfterThirtyMinutes() {
        assertThat(sessionTimeout).isEqualTo("30m");
    }

    @Test
    void letsAnAdministratorCreateAnAccountThatCanSignIn() throws Exception {
        String username = "new.radiologist." + System.nanoTime() % 100000;
        mvc.perform(post("/admin/users").with(user("boss").roles("ADMIN")).with(csrf())
                        .param("username", username).param("displayName", "Dr New").param("roles", "RADIOLOGIST")
                        .param("password", "a long enough password"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(formLogin().user(username).password("a long enough password"))
                .andExpect(authenticated().withRoles("RADIOLOGIST"));
    }

    @Test
    void explainsWhyAnAccountCannotBeCreated() throws Exception {
        mvc.perform(post("/admin/users").with(user("boss").roles("ADMIN")).with(csrf())
                        .param("username", "X!").param("displayName", "").param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choose at least one role.")))
                .andExpect(content().string(Matchers.containsString("Use a password of at least 12 characters.")))
                .andExpect(content().string(Matchers.containsString("Use 3 to 64 lower-case letters")));
    }
}
