package org.synovia.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.testing.StatementCounter;

/**
 * What a signed-in page pays before its own content (ADR 0113): one statement for the session check, which brings the
 * staff-names version with it; staff names come from memory until that version moves, and are then read once.
 */
@SynoviaIntegrationTest
class LayoutStatementsIntegrationTests {

    /** A page whose own content is the catalogue, held in memory: what it runs is the layout's cost. */
    private static final String PAGE = "/catalogue/sites";

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    record Render(List<String> sql, String html) {

        long reading(String table) {
            return sql.stream().filter(statement -> statement.contains(table)).count();
        }
    }

    @Test
    void checksTheSessionInOneStatementAndReadsNoStaffNames() throws Exception {
        Render page = secondPageOf(Role.BOOKING);

        assertThat(page.html()).contains("Signed in as <strong>Test Booking clerk</strong>");
        assertThat(page.sql()).as("statements of a signed-in page besides its own content").hasSize(1);
        assertThat(page.sql().getFirst()).contains("session_generation").contains("staff_names_version");
        assertThat(page.reading("display_name")).as("staff names read").isZero();
    }

    @Test
    void countsOpenDiaryAlertsOnlyForTheTeamThatSeesThem() throws Exception {
        Render page = secondPageOf(Role.NURSE);

        assertThat(page.html()).contains("href=\"/diary/alerts\"");
        assertThat(page.sql()).as("session check and open diary alerts").hasSize(2);
        assertThat(page.reading("display_name")).as("staff names read").isZero();
    }

    @Test
    void showsANameChangedSinceTheLastPageAndReadsTheNamesOnceForIt() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        MockHttpSession session = signIn(clerk);
        render(session);

        // Straight in the database, as another instance or a migration would: the trigger moves the version.
        jdbc.sql("update user_account set display_name = 'Renamed Booking Clerk' where username = ?").param(clerk.username())
                .update();
        Render afterChange = render(session);
        Render next = render(session);

        assertThat(afterChange.html()).contains("Signed in as <strong>Renamed Booking Clerk</strong>");
        assertThat(afterChange.reading("display_name")).as("names read after the version moved").isEqualTo(1);
        assertThat(next.html()).contains("Signed in as <strong>Renamed Booking Clerk</strong>");
        assertThat(next.reading("display_name")).as("names read once the new ones are held").isZero();
    }

    @Test
    void namesSomeoneWhoseAccountWasMadeAfterTheNamesWereHeld() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        render(signIn(clerk));

        UserAccount newcomer = AccountFixtures.create(accounts, Role.REFERRER);
        Render page = render(signIn(newcomer));

        assertThat(page.html()).contains("Signed in as <strong>Test Referrer</strong>").doesNotContain(newcomer.username());
    }

    /** The page as a new account of this role sees it the second time, the names being held by then. */
    private Render secondPageOf(Role role) throws Exception {
        MockHttpSession session = signIn(AccountFixtures.create(accounts, role));
        render(session);
        return render(session);
    }

    private Render render(MockHttpSession session) throws Exception {
        MvcResult[] result = new MvcResult[1];
        List<String> sql = StatementCounter.record(
                () -> result[0] = mvc.perform(get(PAGE).session(session)).andExpect(status().isOk()).andReturn());
        return new Render(sql, result[0].getResponse().getContentAsString());
    }

    private MockHttpSession signIn(UserAccount account) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", account.username())
                        .param("password", AccountFixtures.PASSWORD).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("203.0.113." + (account.username().hashCode() & 0x7f));
                            return request;
                        }))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
