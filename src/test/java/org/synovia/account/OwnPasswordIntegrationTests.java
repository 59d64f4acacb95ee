package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.synovia.SynoviaIntegrationTest;

/** A person changes their own password under the same policy; their sessions from before end. */
@SynoviaIntegrationTest
class OwnPasswordIntegrationTests {

    private static final String NEW_PASSWORD = "a quieter clinic passphrase";

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void changesTheOwnPasswordAfterTheCurrentOneAndEndsEverySession() throws Exception {
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        MockHttpSession here = (MockHttpSession) signIn(nurse.username(), AccountFixtures.PASSWORD).andReturn().getRequest().getSession(false);
        MockHttpSession elsewhere = (MockHttpSession) signIn(nurse.username(), AccountFixtures.PASSWORD).andReturn().getRequest().getSession(false);

        change(here, "not the password", NEW_PASSWORD).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The current password is not right.")));
        change(here, AccountFixtures.PASSWORD, "password1234").andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("choose another")));
        change(here, AccountFixtures.PASSWORD, "b".repeat(40) + "é".repeat(20)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("72 bytes")));
        change(here, AccountFixtures.PASSWORD, NEW_PASSWORD).andExpect(redirectedUrl("/login?passwordChanged"));

        mvc.perform(get("/").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
        signIn(nurse.username(), AccountFixtures.PASSWORD).andExpect(redirectedUrl("/login?error"));
        signIn(nurse.username(), NEW_PASSWORD).andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select details from audit_event where record_id = ? and action = 'UPDATE'").param(nurse.username())
                .query(String.class).list()).containsExactly("password changed by its owner");
    }

    private ResultActions change(MockHttpSession session, String current, String password) throws Exception {
        return mvc.perform(post("/account/password").session(session).param("currentPassword", current)
                .param("password", password).with(csrf()));
    }

    private ResultActions signIn(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr("198.51.100.200");
                    return request;
                }));
    }
}
