package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.testing.StatementCounter;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

/**
 * The day list shows 50 patients a page in time order, audits only those, and its pages in turn hold the whole list
 * exactly once; the whole list stays one link away to print (ADR 0119, HAZ-147).
 */
@SynoviaIntegrationTest
class DayListPagesIntegrationTests {

    private static final Pattern ROW = Pattern.compile("href=\"/day/([0-9a-f-]{36})\"");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired UserAccounts accounts;
    @Autowired Sessions sessions;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired BookingDesk desk;
    @Autowired Visits visits;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void pagesTheDayListFiftyAtATimeAuditsOnlyThoseShownAndPrintsTheWholeList() throws Exception {
        // A long session in a room of the test's own: 52 slots of 20 minutes in a day.
        BookingFixtures.Desk setup = BookingFixtures.desk(accounts, sessions, LocalTime.of(6, 0), LocalTime.of(23, 20),
                List.of(20));
        Set<UUID> rooms = setup.clinics().stream().map(c -> c.room().id()).collect(Collectors.toSet());
        List<UUID> waiting = new ArrayList<>();
        for (int i = 0; i <= Visits.PAGE_SIZE; i++) {
            waiting.add(setup.staff().waitingKnee(patients, referrals, vetting));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest = waiting.stream().map(id -> waitingList.entry(id).orElseThrow().earliestDate())
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).filter(d -> d.isAfter(today)).orElse(today);
        List<Slot> open = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null,
                        BookingFixtures.ultrasoundKnee().slotMinutes(), earliest.plusDays(1), earliest.plusWeeks(2), null, null))
                .stream().filter(slot -> rooms.contains(slot.roomId())).toList();
        LocalDate day = LocalDate.ofInstant(open.getFirst().start(), clock.getZone());
        UUID room = open.getFirst().roomId();
        List<Slot> slots = open.stream().filter(s -> s.roomId().equals(room))
                .filter(s -> LocalDate.ofInstant(s.start(), clock.getZone()).equals(day)).toList();
        assertThat(slots).hasSizeGreaterThan(Visits.PAGE_SIZE);
        for (int i = 0; i < waiting.size(); i++) {
            desk.book(waiting.get(i), slots.get(i).id());
        }

        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        AccountFixtures.signIn(nurse);
        List<UUID> whole = visits.day(day).in(room, null).stream().map(DayListEntry::appointmentId).toList();
        assertThat(whole).hasSize(Visits.PAGE_SIZE + 1);
        AccountFixtures.signOut();

        long newest = latestLine();
        String firstLink = "/day?date=" + day + "&roomId=" + room;
        String first = page(firstLink, nurse);
        assertThat(jdbc.sql("select count(*) from audit_event where id > ? and username = ?").params(newest, nurse.username())
                .query(Long.class).single()).as("audit lines of the first page").isEqualTo(Visits.PAGE_SIZE);
        assertThat(first).contains(String.format(Locale.UK, "Patients 1–50 of %,d", whole.size()))
                .contains("All on this list, to print");

        List<UUID> paged = new ArrayList<>();
        List<List<String>> statements = new ArrayList<>();
        String link = firstLink;
        for (int pages = 0; link != null; pages++) {
            assertThat(pages).as("pages").isLessThan(whole.size());
            String[] html = new String[1];
            String current = link;
            statements.add(StatementCounter.record(() -> html[0] = page(current, nurse)));
            List<UUID> onPage = ids(html[0]);
            assertThat(onPage).hasSizeLessThanOrEqualTo(Visits.PAGE_SIZE);
            paged.addAll(onPage);
            Matcher next = NEXT.matcher(html[0]);
            link = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        assertThat(paged).as("every page in turn").containsExactlyElementsOf(whole);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1)).as("statements of the last page (1 patient) and the first (50)")
                .hasSameSizeAs(statements.get(0));
        // Every input of the safety check and the alerts (referrals, patients, acceptances, overrides, funding) is
        // read for the page's patients at once: no statement runs twice in a page, so none runs once per patient.
        assertThat(statements.get(0).stream().filter(sql -> !sql.startsWith("set local plan_cache_mode")).toList())
                .as("statements of the first page, each once").doesNotHaveDuplicates();

        String all = page(firstLink + "&all=true", nurse);
        assertThat(ids(all)).containsExactlyElementsOf(whole);
        assertThat(all).doesNotContain("rel=\"next\"").contains(String.format(Locale.UK, "All %,d patients of this list", whole.size()));

        mvc.perform(get("/day").param("after", "yesterday_x").with(user(nurse.username()).roles("NURSE")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("This page link is not one the day list made")));
    }

    private String page(String link, UserAccount as) throws Exception {
        return mvc.perform(get(URI.create(link)).with(user(as.username()).roles("NURSE"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static List<UUID> ids(String html) {
        List<UUID> ids = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            ids.add(UUID.fromString(row.group(1)));
        }
        return ids;
    }

    private long latestLine() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }
}
