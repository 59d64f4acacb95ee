package org.synovia.planning.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;

/**
 * The Plan sessions page for booking staff only; bad choices answered on the page in words, a forgotten plan sent
 * back to the form, never an error page.
 */
@SynoviaIntegrationTest
class PlanSessionsPagesIntegrationTests {

    @Autowired MockMvc mvc;

    @Test
    void showsTheFormToBookingStaffOnly() throws Exception {
        mvc.perform(get("/plan-sessions").with(user("clerk-plan").roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("First week (its Monday is used)")))
                .andExpect(content().string(containsString("Make a plan")));
        mvc.perform(get("/plan-sessions").with(user("nurse-plan").roles("NURSE"))).andExpect(status().isForbidden());
    }

    @Test
    void answersBadChoicesOnThePage() throws Exception {
        mvc.perform(post("/plan-sessions").param("firstWeek", "2027-02-01").param("weeks", "0")
                        .with(user("clerk-plan").roles("BOOKING")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose between 1 and 8 weeks.")))
                .andExpect(content().string(containsString("Choose at least one room.")));
        mvc.perform(post("/plan-sessions").param("firstWeek", "not a date").param("weeks", "many")
                        .with(user("clerk-plan").roles("BOOKING")).with(csrf()))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void sendsAForgottenPlanBackToTheForm() throws Exception {
        mvc.perform(get("/plan-sessions/{id}", UUID.randomUUID()).with(user("clerk-plan").roles("BOOKING")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/plan-sessions"));
        mvc.perform(get("/plan-sessions/{id}/progress", UUID.randomUUID()).with(user("clerk-plan").roles("BOOKING")))
                .andExpect(status().is4xxClientError());
    }
}
