package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.synovia.SynoviaIntegrationTest;

/**
 * A state-changing staff request from another site is refused even with a valid CSRF token; same-origin requests and
 * the configured proxy origin pass, and the stateless interfaces are not concerned.
 */
@SynoviaIntegrationTest
class SameOriginIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void refusesACrossOriginPostWithAValidTokenAndAuditsIt() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);

        mvc.perform(disable(nurse, admin).header("Origin", "https://attacker.example")).andExpect(status().isForbidden());

        assertThat(accounts.find(nurse.username()).orElseThrow().enabled()).isTrue();
        assertThat(refusals(admin.username())).containsExactly("cross-origin request refused: POST /admin/users/"
                + nurse.username() + "/enabled (Origin https://attacker.example)");
    }

    @Test
    void refusesByTheRefererWhenThereIsNoOriginAndAnOpaqueOrigin() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);

        mvc.perform(disable(nurse, admin).header("Referer", "http://localhost.attacker.example/page")).andExpect(status().isForbidden());
        mvc.perform(disable(nurse, admin).header("Origin", "null")).andExpect(status().isForbidden());
        mvc.perform(disable(nurse, admin).header("Origin", "http://localhost:8081")).andExpect(status().isForbidden());

        assertThat(accounts.find(nurse.username()).orElseThrow().enabled()).isTrue();
        assertThat(refusals(admin.username())).hasSize(3);
    }

    @Test
    void letsSameOriginAndTheConfiguredProxyOriginThrough() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        for (String origin : List.of("http://localhost", "HTTP://LOCALHOST:80", "https://synovia.trust.example")) {
            UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
            mvc.perform(disable(nurse, admin).header("Origin", origin)).andExpect(status().is3xxRedirection());
            assertThat(accounts.find(nurse.username()).orElseThrow().enabled()).as(origin).isFalse();
        }
        UserAccount byReferer = AccountFixtures.create(accounts, Role.NURSE);
        mvc.perform(disable(byReferer, admin).header("Referer", "http://localhost/admin/users")).andExpect(status().is3xxRedirection());
        UserAccount noHeader = AccountFixtures.create(accounts, Role.NURSE);
        mvc.perform(disable(noHeader, admin)).andExpect(status().is3xxRedirection());

        assertThat(refusals(admin.username())).isEmpty();
    }

    @Test
    void stillNeedsTheTokenFromTheSameOrigin() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);

        mvc.perform(post("/admin/users/{u}/enabled", nurse.username()).param("enabled", "false")
                .with(user(admin.username()).roles("ADMIN")).header("Origin", "http://localhost")).andExpect(status().isForbidden());

        assertThat(accounts.find(nurse.username()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void refusesACrossOriginSignInAttempt() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", "test-admin-password").with(csrf())
                .header("Origin", "https://attacker.example")).andExpect(status().isForbidden());

        assertThat(jdbc.sql("select details from audit_event where username = '(not signed in)' and action = 'ACCESS_REFUSED' "
                + "order by id desc limit 1").query(String.class).single())
                .isEqualTo("cross-origin request refused: POST /login (Origin https://attacker.example)");
    }

    @Test
    void leavesTheStatelessJsonApiToItsOwnChain() throws Exception {
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);

        int status = mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(radiologist.username(), AccountFixtures.PASSWORD))
                        .header("Origin", "https://attacker.example").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getStatus();

        assertThat(status).isNotEqualTo(403).isNotEqualTo(401);
        assertThat(refusals(radiologist.username())).isEmpty();
    }

    private static MockHttpServletRequestBuilder disable(UserAccount who, UserAccount admin) {
        return post("/admin/users/{u}/enabled", who.username()).param("enabled", "false")
                .with(user(admin.username()).roles("ADMIN")).with(csrf());
    }

    private List<String> refusals(String username) {
        return jdbc.sql("select details from audit_event where username = ? and action = 'ACCESS_REFUSED' order by id")
                .param(username).query(String.class).list();
    }
}
