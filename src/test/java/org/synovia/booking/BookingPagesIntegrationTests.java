package org.synovia.booking;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.vetting.Vetting;

@SynoviaIntegrationTest
class BookingPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired SlotFinder slotFinder;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void booksFromTheOffersPageAndTellsTheNextClerkTheSlotWasJustTaken() throws Exception {
        BookingFixtures.Desk setup = BookingFixtures.desk(accounts, sessions, LocalTime.of(7, 0), LocalTime.of(7, 20),
                List.of(20));
        UserAccount clerk = setup.staff().clerk();
        UUID first = setup.staff().waitingKnee(patients, referrals, vetting);
        UUID second = setup.staff().waitingKnee(patients, referrals, vetting);
        UUID slotId = slotFinder.search(first, 1).offers().getFirst().slot().id();

        mvc.perform(get("/bookings/referral/{id}", first).with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(slotId.toString())));
        MvcResult booked = mvc.perform(post("/bookings/referral/{id}", first).param("slotId", slotId.toString())
                        .with(user(clerk.username()).roles("BOOKING")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get(booked.getResponse().getRedirectedUrl()).with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Booked")));

        mvc.perform(post(booked.getResponse().getRedirectedUrl() + "/cancel").param("reason", " ")
                        .with(user(clerk.username()).roles("BOOKING")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reason-error\"")));

        mvc.perform(post("/bookings/referral/{id}", second).param("slotId", slotId.toString())
                        .with(user(clerk.username()).roles("BOOKING")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("just taken")));
        mvc.perform(post("/bookings/referral/{id}", second).with(user(clerk.username()).roles("BOOKING")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choose a slot")));
    }

    @Test
    void letsNoReferrerOpenBookingPages() throws Exception {
        mvc.perform(get("/appointments").with(user("ref").roles("REFERRER"))).andExpect(status().isForbidden());
        mvc.perform(get("/bookings/referral/{id}", UUID.randomUUID()).with(user("ref").roles("REFERRER")))
                .andExpect(status().isForbidden());
    }
}
