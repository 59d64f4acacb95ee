package org.synovia.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.NewPatient;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.shared.Guidance;
import org.synovia.vetting.Acceptance;
import org.synovia.vetting.Protocol;
import org.synovia.vetting.Vetting;

@SynoviaIntegrationTest
class WaitingListPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Patients patients;

    @Autowired
    Referrals referrals;

    @Autowired
    Vetting vetting;

    @Autowired
    WaitingList waitingList;

    Referral referral;
    String familyName;

    @BeforeEach
    void putAPatientOnTheList() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        NewPatient details = PatientFixtures.adult();
        familyName = details.familyName();
        UUID patientId = ((Registration.Registered) patients.register(details, false)).patient().id().value();
        referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeOnApixaban(patientId));
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.RADIOLOGIST));
        vetting.accept(referral.id(), new Protocol(Guidance.ULTRASOUND, null, "Methylprednisolone acetate 40 mg/mL",
                new BigDecimal("40"), "Lidocaine 1%", new BigDecimal("2"), false, "CONSULTANT", null, 20, Priority.ROUTINE, true),
                new Acceptance(null, null, null));
        AccountFixtures.signOut();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void exportsTheFilteredListAsCsv() throws Exception {
        String csv = mvc.perform(get("/waiting-list.csv").param("guidance", "ULTRASOUND").with(user("clerk").roles("BOOKING")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"waiting-list-")))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv.lines().findFirst()).contains(
                "patient,nhs_number,site,side,guidance,priority,standard,clock_start,breach_date,days_to_breach,earliest_date,"
                        + "latest_date,unavailable_from,unavailable_to,funding,operator_grade,one_stop");
        assertThat(csv).contains("\"" + familyName.toUpperCase() + ", Alex\"").contains("\"RTT\"").contains("\"FUNDED\"");
        String fluoroscopy = mvc.perform(get("/waiting-list.csv").param("guidance", "FLUOROSCOPY").with(user("clerk").roles("BOOKING")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fluoroscopy).doesNotContain(familyName.toUpperCase());
    }

    /** The rows are drawn in Java (ADR 0118): each row's form still carries the request's token, as th:action added it. */
    @Test
    void givesTheRowsFormTheRequestsToken() throws Exception {
        String page = mvc.perform(get("/waiting-list").with(user("clerk").roles("BOOKING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String form = "<form action=\"/waiting-list/" + referral.id() + "/unavailability\" method=\"post\">";
        assertThat(page).contains(form);
        int at = page.indexOf(form) + form.length();
        assertThat(page.substring(at, at + 80)).startsWith("<input type=\"hidden\" name=\"_csrf\" value=\"");
    }

    @Test
    void recordsWhenThePatientIsAwayAndRefusesAnImpossibleRange() throws Exception {
        LocalDate from = LocalDate.now(clock).plusDays(20);
        mvc.perform(post("/waiting-list/" + referral.id() + "/unavailability").with(user("clerk").roles("BOOKING")).with(csrf())
                        .param("from", from.toString()).param("to", from.minusDays(1).toString()))
                .andExpect(flash().attribute("problem", "The last day cannot be before the first."));
        mvc.perform(post("/waiting-list/" + referral.id() + "/unavailability").with(user("clerk").roles("BOOKING")).with(csrf())
                        .param("from", from.toString()).param("to", from.plusDays(14).toString()))
                .andExpect(flash().attribute("notice", "Patient unavailability saved."));

        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.BOOKING));
        WaitingListEntry entry = waitingList.entry(referral.id().value()).orElseThrow();
        assertThat(entry.unavailableFrom()).isEqualTo(from);
        assertThat(entry.unavailableTo()).isEqualTo(from.plusDays(14));
    }

    @Test
    void pagesTheWholeListFiftyAtATimeWithoutRepeatsOrGaps() throws Exception {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.BOOKING));
        int waiting = waitingList.waiting(WaitingListFilter.ALL).size();
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        for (int i = waiting; i <= WaitingList.PAGE_SIZE; i++) { // at least two pages, whatever other tests left
            BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist, ReferralFixtures::kneeOnApixaban,
                    BookingFixtures.ultrasoundKnee());
        }
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.BOOKING));
        List<UUID> whole = waitingList.waiting(WaitingListFilter.ALL).stream().map(WaitingListEntry::referralId).toList();

        List<UUID> paged = new ArrayList<>();
        WaitingListCursor after = null;
        int pages = 0;
        do {
            WaitingListPage page = waitingList.page(WaitingListFilter.ALL, after);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(WaitingList.PAGE_SIZE);
            assertThat(page.counts().total()).isEqualTo(whole.size());
            page.entries().forEach(e -> paged.add(e.referralId()));
            after = page.next() == null ? null : WaitingListCursor.parse(page.next().token());
            pages++;
        } while (after != null);

        assertThat(paged).as("every page in turn").containsExactlyElementsOf(whole);
        assertThat(pages).isEqualTo((whole.size() + WaitingList.PAGE_SIZE - 1) / WaitingList.PAGE_SIZE);

        // The page says where it is and links on with the filter kept; the next page starts after the first one's end.
        String first = mvc.perform(get("/waiting-list").with(user("clerk").roles("BOOKING"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains(String.format(java.util.Locale.UK, "Entries 1–50 of %,d", whole.size()))
                .doesNotContain("First page").contains(whole.get(49).toString()).doesNotContain(whole.get(50).toString());
        Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).as("a link to the next page").isTrue();
        String second = mvc.perform(get(URI.create(next.group(1).replace("&amp;", "&"))).with(user("clerk").roles("BOOKING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("Entries 51–").contains("First page").contains(whole.get(50).toString())
                .doesNotContain(whole.get(49).toString());
    }

    @Test
    void refusesAPageLinkItDidNotMake() throws Exception {
        mvc.perform(get("/waiting-list").param("after", "2027-01-01_not-a-date_x").with(user("clerk").roles("BOOKING")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This page link is not one the waiting list made")));
    }

    @Test
    void keepsTheListFromReferrers() throws Exception {
        mvc.perform(get("/waiting-list").with(user("ref").roles("REFERRER"))).andExpect(status().isForbidden());
    }
}
