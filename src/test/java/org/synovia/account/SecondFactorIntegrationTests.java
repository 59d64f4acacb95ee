package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.synovia.SynoviaIntegrationTest;

/** A person switches on a second factor; password sign-in then asks for a code, once per code, counted toward lockout. */
@SynoviaIntegrationTest
class SecondFactorIntegrationTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(100);

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired SecondFactors secondFactors;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void switchesOnOnlyWithARightCodeAndKeepsTheSecretEncrypted() throws Exception {
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        byte[] secret = enrol(nurse);

        mvc.perform(post("/account/second-factor/confirm").param("code", wrongCode(secret)).with(user(nurse.username()).roles("NURSE"))
                        .with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("That code is not right")));
        assertThat(secondFactors.isOn(nurse.username())).isFalse();

        confirm(nurse, secret);

        assertThat(secondFactors.isOn(nurse.username())).isTrue();
        byte[] stored = jdbc.sql("select secret from account_second_factor where username = ?").param(nurse.username())
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(updates(nurse.username())).contains("second factor switched on");
    }

    @Test
    void asksForTheCodeAfterTheRightPasswordAndTakesEachCodeOnce() throws Exception {
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        byte[] secret = enrol(radiologist);
        String confirmingCode = confirm(radiologist, secret);
        RequestPostProcessor from = fromNewAddress();

        MockHttpSession session = password(radiologist, from);
        mvc.perform(get(SecondFactorSignIn.PATH).session(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Type the code your authenticator app shows")));
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection()).andExpect(unauthenticated());

        mvc.perform(code(session, confirmingCode, from)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("That code is not right"))).andExpect(unauthenticated());
        mvc.perform(code(session, nextCode(secret), from)).andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(radiologist.username()).withRoles("RADIOLOGIST"));

        MockHttpSession again = password(radiologist, from);
        mvc.perform(code(again, nextCode(secret), from)).andExpect(status().isOk()).andExpect(unauthenticated());
        assertThat(signIns(radiologist.username())).containsExactly(
                "SIGN_IN_REFUSED second factor code refused at POST /login/second-factor",
                "SIGN_IN signed in with password and second factor",
                "SIGN_IN_REFUSED second factor code refused at POST /login/second-factor");
    }

    @Test
    void countsWrongCodesTowardTheLockoutEvenWhenThePasswordIsGivenAgain() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        byte[] secret = enrol(clerk);
        confirm(clerk, secret);
        RequestPostProcessor from = fromNewAddress();

        MockHttpSession session = password(clerk, from);
        for (int i = 0; i < 3; i++) {
            mvc.perform(code(session, wrongCode(secret), from)).andExpect(status().isOk());
        }
        session = password(clerk, from);
        mvc.perform(code(session, wrongCode(secret), from)).andExpect(status().isOk());
        mvc.perform(code(session, wrongCode(secret), from)).andExpect(redirectedUrl("/login?locked"));

        mvc.perform(post("/login").param("username", clerk.username()).param("password", AccountFixtures.PASSWORD)
                .with(csrf()).with(fromNewAddress())).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void refusesTheApiToAnAccountWithASecondFactor() throws Exception {
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        confirm(radiologist, enrol(radiologist));

        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(radiologist.username(), AccountFixtures.PASSWORD))
                        .with(fromNewAddress()))
                .andExpect(status().isUnauthorized());
        assertThat(signIns(radiologist.username())).containsExactly("SIGN_IN_REFUSED credentials refused at POST /api/v1/safety/assessments");
    }

    @Test
    void letsAnAdministratorResetASecondFactorAndAuditsIt() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        confirm(nurse, enrol(nurse));
        mvc.perform(get("/admin/users").param("q", nurse.username()).with(user(admin.username()).roles("ADMIN")))
                .andExpect(content().string(Matchers.containsString("Reset the second factor of " + nurse.username())));

        mvc.perform(post("/admin/users/{u}/second-factor/reset", nurse.username()).with(user("clerk.reset").roles("BOOKING"))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/{u}/second-factor/reset", nurse.username()).with(user(admin.username()).roles("ADMIN"))
                .with(csrf())).andExpect(redirectedUrl("/admin/users"));

        assertThat(secondFactors.isOn(nurse.username())).isFalse();
        assertThat(jdbc.sql("select username || ': ' || details from audit_event where record_id = ? and action = 'UPDATE' order by id")
                .param(nurse.username()).query(String.class).list()).last().isEqualTo(admin.username() + ": second factor reset");
        mvc.perform(post("/login").param("username", nurse.username()).param("password", AccountFixtures.PASSWORD)
                .with(csrf()).with(fromNewAddress())).andExpect(authenticated());
    }

    @Test
    void sendsSomeoneWithNoPasswordStepBackToSignIn() throws Exception {
        mvc.perform(get(SecondFactorSignIn.PATH)).andExpect(redirectedUrl("/login?codeExpired"));
        mvc.perform(post(SecondFactorSignIn.PATH).param("code", "123456").with(csrf())).andExpect(redirectedUrl("/login?codeExpired"))
                .andExpect(unauthenticated());
    }

    private byte[] enrol(UserAccount account) throws Exception {
        MvcResult result = mvc.perform(post("/account/second-factor").with(user(account.username()).roles(role(account))).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("otpauth://totp/Synovia")))
                .andReturn();
        SecondFactors.Enrolment enrolment = (SecondFactors.Enrolment) result.getModelAndView().getModel().get("enrolment");
        assertThat(enrolment.uri()).contains("secret=" + enrolment.secret()).contains("digits=6").contains("period=30");
        return Base32.decode(enrolment.secret());
    }

    /** Confirms with the code of the current step and answers it. */
    private String confirm(UserAccount account, byte[] secret) throws Exception {
        String code = Totp.code(secret, Totp.stepAt(clock.instant()), 6, Totp.ALGORITHM);
        mvc.perform(post("/account/second-factor/confirm").param("code", code).with(user(account.username()).roles(role(account)))
                .with(csrf())).andExpect(redirectedUrl("/account/second-factor"));
        return code;
    }

    private String nextCode(byte[] secret) {
        return Totp.code(secret, Totp.stepAt(clock.instant()) + 1, 6, Totp.ALGORITHM);
    }

    /** A code of no step near now. */
    private String wrongCode(byte[] secret) {
        return Totp.code(secret, Totp.stepAt(clock.instant()) + 100, 6, Totp.ALGORITHM);
    }

    private MockHttpSession password(UserAccount account, RequestPostProcessor from) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", account.username())
                        .param("password", AccountFixtures.PASSWORD).with(csrf()).with(from))
                .andExpect(redirectedUrl(SecondFactorSignIn.PATH)).andExpect(unauthenticated()).andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }

    private static org.springframework.test.web.servlet.RequestBuilder code(MockHttpSession session, String code,
            RequestPostProcessor from) {
        return post(SecondFactorSignIn.PATH).session(session).param("code", code).with(csrf()).with(from);
    }

    private List<String> signIns(String username) {
        return jdbc.sql("select action || ' ' || details from audit_event where username = ? and action like 'SIGN_IN%' order by id")
                .param(username).query(String.class).list();
    }

    private List<String> updates(String username) {
        return jdbc.sql("select details from audit_event where username = ? and action = 'UPDATE' order by id").param(username)
                .query(String.class).list();
    }

    private static String role(UserAccount account) {
        return account.roles().iterator().next().name();
    }

    private static RequestPostProcessor fromNewAddress() {
        String address = "198.51.100." + (ADDRESSES.incrementAndGet() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
