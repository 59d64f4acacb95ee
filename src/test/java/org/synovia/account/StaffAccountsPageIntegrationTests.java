package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.testing.StatementCounter;

/**
 * The "Staff accounts" page shows 25 accounts at a time in name order, finds them by a word, a role and a status, and
 * brings an administrator back to the page they changed an account on (ADR 0125). The suite's database holds every
 * account other tests made, so each test narrows the list to an organisation of its own.
 */
@SynoviaIntegrationTest
class StaffAccountsPageIntegrationTests {

    private static final Pattern ROW_USERNAME = Pattern.compile("<td>(staff\\.[a-z0-9.]+)</td>");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;

    UserAccount admin;
    RequestPostProcessor asAdmin;
    String organisation;
    int made;

    @BeforeEach
    void administrator() {
        admin = AccountFixtures.create(accounts, Role.ADMIN);
        asAdmin = user(admin.username()).roles("ADMIN");
        organisation = "Clinic-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void showsTwentyFiveAccountsAPageInNameOrderAndTheRestOnTheNext() throws Exception {
        List<String> made = make(27, Role.NURSE);

        String first = page("/admin/users?q=" + organisation);
        assertThat(first).contains("Accounts 1–25 of 27");
        String second = page(HtmlUtils.htmlUnescape(next(first)));
        assertThat(second).contains("Accounts 26–27 of 27").doesNotContain("rel=\"next\"");

        List<String> shown = new ArrayList<>(usernames(first));
        shown.addAll(usernames(second));
        assertThat(shown).as("every account once, in name order").isEqualTo(made);
    }

    @Test
    void runsAFixedNumberOfStatementsAndCountsOnlyWhenThereIsMoreThanAPage() throws Exception {
        make(3, Role.NURSE);
        long onePage = StatementCounter.countWarm(() -> page("/admin/users?q=" + organisation));
        make(24, Role.NURSE);
        long twoPages = StatementCounter.countWarm(() -> page("/admin/users?q=" + organisation));
        make(40, Role.NURSE);
        long threePages = StatementCounter.countWarm(() -> page("/admin/users?q=" + organisation));
        assertThat(twoPages).as("the count, asked only when a page follows").isEqualTo(onePage + 1);
        assertThat(threePages).isEqualTo(twoPages).isLessThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "role {0}, status {1}: {2} accounts")
    @CsvSource(nullValues = "any", value = {
            "any, any, 4",
            "RADIOLOGIST, any, 2",
            "NURSE, any, 2",
            "any, active, 3",
            "any, disabled, 1",
            "RADIOLOGIST, disabled, 1",
            "BOOKING, any, 0",
    })
    void findsAccountsByRoleAndStatus(String role, String status, int found) throws Exception {
        make(2, Role.NURSE);
        List<String> radiologists = make(2, Role.RADIOLOGIST);
        AccountFixtures.signIn(admin);
        accounts.setEnabled(radiologists.getFirst(), false);
        AccountFixtures.signOut();

        StringBuilder query = new StringBuilder("/admin/users?q=" + organisation);
        if (role != null) {
            query.append("&role=").append(role);
        }
        if (status != null) {
            query.append("&status=").append(status);
        }
        String html = page(query.toString());
        assertThat(usernames(html)).hasSize(found);
        assertThat(html).contains(found == 0 ? "No account matches." : "Accounts 1–" + found + " of " + found);
    }

    @Test
    void findsAnAccountByPartOfItsNameUsernameOrEmailIgnoringCase() throws Exception {
        String username = make(1, Role.NURSE).getFirst();
        String nameInCapitals = accounts.find(username).orElseThrow().displayName().toUpperCase().replace(" ", "%20");
        for (String word : List.of(username.toUpperCase(), username + "@EXAMPLE", nameInCapitals)) {
            assertThat(usernames(page("/admin/users?q=" + word + "&role=NURSE&status=active")))
                    .as(word).contains(username);
        }
        assertThat(usernames(page("/admin/users?q=" + username + "_%25"))).as("no wildcard in a search").isEmpty();
    }

    @Test
    void refusesAFilterNotOnTheListsAndShowsAllAccounts() throws Exception {
        for (String query : List.of("role=SUPERUSER", "status=sleeping")) {
            assertThat(page("/admin/users?" + query)).contains("Choose a role and a status from the lists");
        }
    }

    @ParameterizedTest(name = "back {0}")
    @CsvSource(nullValues = "none", value = {
            "none, /admin/users",
            "'', /admin/users",
            "q=clinic%20x&role=NURSE&after=staff.a.1&position=26, /admin/users?q=clinic%20x&role=NURSE&after=staff.a.1&position=26",
            "q=a&next=https://attacker.example/, /admin/users?q=a",
            "//attacker.example/admin/users, /admin/users",
            "q=%zz&status=active, /admin/users?status=active",
    })
    void returnsAChangeToTheListAsItWasShownAndNowhereElse(String back, String location) throws Exception {
        String username = make(1, Role.NURSE).getFirst();
        var disable = post("/admin/users/{u}/enabled", username).param("enabled", "false").with(asAdmin).with(csrf());
        if (back != null) {
            disable.param("back", back);
        }
        mvc.perform(disable).andExpect(redirectedUrl(location));
        assertThat(accounts.find(username).orElseThrow().enabled()).isFalse();
    }

    @Test
    void showsAnAccountJustMadeOnItsOwn() throws Exception {
        String username = "staff.new." + organisation.substring(7);
        mvc.perform(post("/admin/users").param("username", username).param("displayName", "New Person")
                        .param("roles", "NURSE").param("password", AccountFixtures.PASSWORD).with(asAdmin).with(csrf()))
                .andExpect(redirectedUrl("/admin/users?q=" + username));
        assertThat(usernames(page("/admin/users?q=" + username))).containsExactly(username);
    }

    /** Accounts of this test's organisation, named so that name order differs from the order they were made in. */
    private List<String> make(int count, Role role) {
        record Made(String name, String username) {
        }
        List<Made> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String suffix = organisation.substring(7) + "." + role.name().toLowerCase() + "." + this.made++;
            String username = "staff." + suffix;
            String name = "Person " + (char) ('z' - i % 26) + " " + suffix;
            accounts.create(new NewUserAccount(username, name, username + "@example.com", organisation, Set.of(role),
                    null, AccountFixtures.PASSWORD), "test");
            made.add(new Made(name.toLowerCase(), username));
        }
        return made.stream().sorted(java.util.Comparator.comparing(Made::name).thenComparing(Made::username))
                .map(Made::username).toList();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(java.net.URI.create(url)).with(asAdmin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static List<String> usernames(String html) {
        List<String> usernames = new ArrayList<>();
        Matcher row = ROW_USERNAME.matcher(html);
        while (row.find()) {
            usernames.add(row.group(1));
        }
        return usernames;
    }

    private static String next(String html) {
        Matcher next = NEXT.matcher(html);
        assertThat(next.find()).as("a link to the next page").isTrue();
        return next.group(1);
    }
}
