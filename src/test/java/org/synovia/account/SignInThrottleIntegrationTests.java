package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.synovia.SynoviaIntegrationTest;

/** Password guessing is slowed: five refusals lock a name, twenty lock an address, and the right password then waits. */
@SynoviaIntegrationTest
class SignInThrottleIntegrationTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void refusesTheRightPasswordAfterFiveWrongOnesAndAuditsTheLockedAttempt() throws Exception {
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        RequestPostProcessor from = fromNewAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(nurse.username(), "not the password " + i, from))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(signIn(nurse.username(), AccountFixtures.PASSWORD, fromNewAddress()))
                .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());

        assertThat(details(nurse.username())).hasSize(6).last().asString()
                .isEqualTo("refused while locked after repeated failures (password not checked) at POST /login");
        mvc.perform(get("/login").param("locked", "")).andExpect(content().string(Matchers.containsString("Too many refused sign-ins")));
    }

    @Test
    void locksAnUnknownNameExactlyAsAKnownOne() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        String unknown = "nobody." + System.nanoTime() % 1_000_000;
        for (String name : List.of(clerk.username(), unknown)) {
            RequestPostProcessor from = fromNewAddress();
            for (int i = 0; i < 5; i++) {
                mvc.perform(signIn(name, "not the password", from)).andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(signIn(name, "not the password", from)).andExpect(redirectedUrl("/login?locked"));
        }
        assertThat(details(unknown)).isEqualTo(details(clerk.username()));
    }

    @Test
    void refusesAnAddressAfterTwentyFailuresWhateverTheName() throws Exception {
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        RequestPostProcessor from = fromNewAddress();
        for (int i = 0; i < 20; i++) {
            mvc.perform(signIn("guess." + i + "." + System.nanoTime() % 1_000, "not the password", from))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(signIn(radiologist.username(), AccountFixtures.PASSWORD, from))
                .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());
        mvc.perform(signIn(radiologist.username(), AccountFixtures.PASSWORD, fromNewAddress()))
                .andExpect(authenticated());
    }

    @Test
    void letsAnAdministratorLiftALockAtOnceAndAuditsIt() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        RequestPostProcessor from = fromNewAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(nurse.username(), "not the password", from)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(get("/admin/users").param("q", nurse.username()).with(user(admin.username()).roles("ADMIN")))
                .andExpect(content().string(Matchers.containsString("aria-label=\"Unlock " + nurse.username() + "\"")));

        mvc.perform(post("/admin/users/{u}/unlock", nurse.username()).with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));

        mvc.perform(signIn(nurse.username(), AccountFixtures.PASSWORD, fromNewAddress())).andExpect(authenticated());
        assertThat(jdbc.sql("select username || ': ' || details from audit_event where record_id = ? and action = 'UPDATE'")
                .param(nurse.username()).query(String.class).list())
                .containsExactly(admin.username() + ": sign-in lock lifted");
        mvc.perform(get("/admin/users").param("q", nurse.username()).with(user(admin.username()).roles("ADMIN")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Unlock " + nurse.username() + "\""))));
    }

    @Test
    void refusesUnlockingToAnyoneButAnAdministrator() throws Exception {
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);

        mvc.perform(post("/admin/users/{u}/unlock", nurse.username()).with(user("clerk.unlock").roles("BOOKING")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void throttlesTheApiSignInsAlike() throws Exception {
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        RequestPostProcessor from = fromNewAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(radiologist.username(), "not the password")).with(from))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(radiologist.username(), AccountFixtures.PASSWORD))
                        .with(fromNewAddress()))
                .andExpect(status().isUnauthorized());
        assertThat(details(radiologist.username())).last().asString().startsWith("refused while locked");
    }

    private static org.springframework.test.web.servlet.RequestBuilder signIn(String username, String password,
            RequestPostProcessor from) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from);
    }

    private List<String> details(String username) {
        return jdbc.sql("select details from audit_event where username = ? and action = 'SIGN_IN_REFUSED' order by id")
                .param(username).query(String.class).list();
    }

    private static RequestPostProcessor fromNewAddress() {
        String address = "192.0.2." + (ADDRESSES.incrementAndGet() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
