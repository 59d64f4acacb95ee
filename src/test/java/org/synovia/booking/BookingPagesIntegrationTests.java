package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import org.synovia.scheduling.Slot;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.waitinglist.WaitingList;
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
    @Autowired DeskCalendar calendar;
    @Autowired BookingDesk desk;
    @Autowired WaitingList waitingList;
    @Autowired Clock clock;

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
    void pagesTheAppointmentsListFiftyAtATimeAndShowsTheWholePeriodToPrint() throws Exception {
        BookingFixtures.Desk setup = BookingFixtures.desk(accounts, sessions, LocalTime.of(17, 0), LocalTime.of(19, 0),
                List.of(20));
        Set<UUID> rooms = setup.clinics().stream().map(c -> c.room().id()).collect(Collectors.toSet());
        List<UUID> waiting = new ArrayList<>();
        for (int i = 0; i <= DeskCalendar.PAGE_SIZE; i++) {
            waiting.add(setup.staff().waitingKnee(patients, referrals, vetting));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest = waiting.stream().map(id -> waitingList.entry(id).orElseThrow().earliestDate())
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).filter(d -> d.isAfter(today)).orElse(today);
        List<Slot> slots = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null,
                        BookingFixtures.ultrasoundKnee().slotMinutes(), earliest.plusDays(1), earliest.plusWeeks(3), null, null))
                .stream().filter(slot -> rooms.contains(slot.roomId())).toList();
        for (int i = 0; i < waiting.size(); i++) {
            desk.book(waiting.get(i), slots.get(i).id());
        }
        LocalDate from = earliest.plusDays(1);
        LocalDate to = LocalDate.ofInstant(slots.get(waiting.size() - 1).start(), clock.getZone());
        List<UUID> whole = calendar.appointmentList(from, to).stream().map(BookedProcedure::appointmentId).toList();
        assertThat(whole).hasSizeGreaterThan(DeskCalendar.PAGE_SIZE);

        UserAccount clerk = setup.staff().clerk();
        AccountFixtures.signOut();
        List<UUID> paged = new ArrayList<>();
        String first = null;
        String link = "/appointments?from=" + from + "&to=" + to;
        for (int pages = 0; link != null; pages++) {
            assertThat(pages).as("pages").isLessThan(whole.size());
            String html = mvc.perform(get(URI.create(link)).with(user(clerk.username()).roles("BOOKING")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            first = first == null ? html : first;
            // The rows' links, not the "Need a new slot" warning's, which other tests' withdrawn slots may fill.
            Matcher opened = Pattern.compile("href=\"/appointments/([0-9a-f-]{36})\" aria-label=\"Open the appointment").matcher(html);
            List<UUID> onPage = new ArrayList<>();
            while (opened.find()) {
                onPage.add(UUID.fromString(opened.group(1)));
            }
            assertThat(onPage).hasSizeLessThanOrEqualTo(DeskCalendar.PAGE_SIZE);
            paged.addAll(onPage);
            Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(html);
            link = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        assertThat(paged).as("every page in turn").containsExactlyElementsOf(whole);
        assertThat(first).contains(String.format(java.util.Locale.UK, "Appointments 1–50 of %,d", whole.size()))
                .contains("All on these days, to print");

        String all = mvc.perform(get("/appointments").param("from", from.toString()).param("to", to.toString())
                        .param("all", "true").with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        whole.forEach(id -> assertThat(all).contains("/appointments/" + id));
        assertThat(all).doesNotContain("rel=\"next\"");

        mvc.perform(get("/appointments").param("after", "yesterday_x").with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("This page link is not one the appointments list made")));
    }

    @Test
    void letsNoReferrerOpenBookingPages() throws Exception {
        mvc.perform(get("/appointments").with(user("ref").roles("REFERRER"))).andExpect(status().isForbidden());
        mvc.perform(get("/bookings/referral/{id}", UUID.randomUUID()).with(user("ref").roles("REFERRER")))
                .andExpect(status().isForbidden());
    }
}
