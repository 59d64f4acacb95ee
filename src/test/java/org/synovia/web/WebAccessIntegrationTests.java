package org.synovia.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;

/** Who may open which page: one row per role and page. */
@SynoviaIntegrationTest
class WebAccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource({
            "REFERRER, /patients, 200",
            "REFERRER, /referrals, 200",
            "REFERRER, /catalogue/sites, 200",
            "REFERRER, /admin/users, 403",
            "REFERRER, /admin/audit, 403",
            "RADIOLOGIST, /referrals, 200",
            "RADIOLOGIST, /admin/users, 403",
            "NURSE, /patients, 200",
            "BOOKING, /referrals, 200",
            "ADMIN, /admin/users, 200",
            "ADMIN, /admin/audit, 200",
            "ADMIN, /patients, 403",
            "ADMIN, /referrals, 403",
            "ADMIN, /sessions, 200",
            "BOOKING, /sessions, 200",
            "REFERRER, /sessions, 403",
            "RADIOLOGIST, /sessions, 403",
            "BOOKING, /appointments, 200",
            "NURSE, /appointments, 200",
            "REFERRER, /appointments, 403",
            "ADMIN, /appointments, 403",
            "BOOKING, /freed-slots, 200",
            "NURSE, /freed-slots, 403",
            "BOOKING, /messages, 200",
            "ADMIN, /messages, 403",
            "NURSE, /messages, 403",
            "REFERRER, /messages, 403"})
    void grantsEachRoleItsPagesOnly(String role, String path, int expected) throws Exception {
        mvc.perform(get(path).with(user("someone").roles(role)).accept(MediaType.TEXT_HTML))
                .andExpect(status().is(expected));
    }

    @Test
    void sendsAnonymousVisitorsToSignIn() throws Exception {
        mvc.perform(get("/patients")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void letsOnlyReferrersOpenTheReferralForm() throws Exception {
        mvc.perform(get("/referrals/new").param("patientId", java.util.UUID.randomUUID().toString())
                .with(user("rad").roles("RADIOLOGIST")).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
    }

    @Test
    void refusesAFormPostWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/patients").with(user("ref").roles("REFERRER")).param("familyName", "X"))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsAFriendlyPageAndNoStackTraceForAMalformedId() throws Exception {
        mvc.perform(get("/referrals/not-a-uuid").with(user("ref").roles("REFERRER")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("There is nothing here that you can see")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }

    @Test
    void showsEachRegistrationProblemBesideItsFieldAndEscapesWhatWasTyped() throws Exception {
        mvc.perform(post("/patients").with(user("ref").roles("REFERRER")).with(csrf())
                        .param("nhsNumber", "9434765918").param("familyName", "<script>x</script>")
                        .param("givenName", "Ann").param("dateOfBirth", "2999-01-01").param("sex", "FEMALE"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("This is not a valid NHS number: its check digit is wrong.")))
                .andExpect(content().string(Matchers.containsString("The date of birth cannot be in the future.")))
                .andExpect(content().string(Matchers.containsString("Use letters, spaces, hyphens and apostrophes only.")))
                .andExpect(content().string(Matchers.containsString("&lt;script&gt;x&lt;/script&gt;")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>x</script>"))));
    }

    @Test
    void explainsAnImpossibleDateInsteadOfFailing() throws Exception {
        mvc.perform(post("/patients").with(user("ref").roles("REFERRER")).with(csrf())
                        .param("nhsNumber", "9434765919").param("familyName", "Smith").param("givenName", "Ann")
                        .param("dateOfBirth", "1980-02-31").param("sex", "FEMALE"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter a real date (day, month and year).")));
    }
}
