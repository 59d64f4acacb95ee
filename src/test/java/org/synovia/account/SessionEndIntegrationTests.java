package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.synovia.SynoviaIntegrationTest;

/** A session opened before an account is disabled or its password changes does not outlive the change. */
@SynoviaIntegrationTest
class SessionEndIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;

    @Test
    void refusesASessionFromBeforeAPasswordReset() throws Exception {
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        MockHttpSession before = signIn(nurse.username(), AccountFixtures.PASSWORD);
        mvc.perform(get("/").session(before)).andExpect(status().isOk());

        accounts.resetPassword(nurse.username(), "a new ward passphrase");

        mvc.perform(get("/").session(before)).andExpect(redirectedUrl("/login?expired"));
        assertThat(before.isInvalid()).isTrue();
        MockHttpSession after = signIn(nurse.username(), "a new ward passphrase");
        mvc.perform(get("/").session(after)).andExpect(status().isOk());
    }

    @Test
    void refusesASessionOfADisabledAccountAndKeepsOthers() throws Exception {
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        UserAccount colleague = AccountFixtures.create(accounts, Role.NURSE);
        MockHttpSession disabled = signIn(nurse.username(), AccountFixtures.PASSWORD);
        MockHttpSession other = signIn(colleague.username(), AccountFixtures.PASSWORD);

        accounts.setEnabled(nurse.username(), false);
        accounts.setEnabled(nurse.username(), true);

        mvc.perform(get("/").session(disabled)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/").session(other)).andExpect(status().isOk());
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("198.51.100." + (username.hashCode() & 0x7f));
                            return request;
                        }))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
