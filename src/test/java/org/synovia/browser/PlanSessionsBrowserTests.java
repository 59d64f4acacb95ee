package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.Patients;
import org.synovia.planning.PlannedRoomFixtures;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A booking clerk plans a week of two rooms: chooses the week and rooms, watches the progress, books two of the
 * proposed patients, and sees them booked in the week-by-room calendar; the page fits a phone's width.
 */
class PlanSessionsBrowserTests extends BrowserJourney {

    private static final Page.WaitForSelectorOptions LONG = new Page.WaitForSelectorOptions().setTimeout(120_000);

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired WaitingList waitingList;

    @Test
    void clerkRunsAPlanWatchesItAcceptsTwoPatientsAndSeesTheCalendar() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        PlannedRoomFixtures.PlannedRooms planned = PlannedRoomFixtures.twoUltrasoundRooms(sessions, accounts);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                    ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
            AccountFixtures.signIn(clerk);
            var entry = waitingList.entry(id).orElseThrow();
            names.add(entry.patientName());
            assertThat(entry.earliestDate()).isBefore(planned.firstWeek());
        }
        AccountFixtures.signOut();
        LocalDate week = planned.firstWeek();

        Page page = browser.signedIn(clerk.username(), AccountFixtures.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Plan sessions").setExact(true)).click();
        page.getByLabel("First week (its Monday is used)").fill(week.toString());
        page.getByLabel("Number of weeks").fill("1");
        Locator roomBoxes = page.locator("input[name=roomIds]");
        for (int i = 0; i < roomBoxes.count(); i++) {
            roomBoxes.nth(i).uncheck();
        }
        for (String room : planned.roomNames()) {
            page.getByLabel(room, new Page.GetByLabelOptions().setExact(false)).check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a plan")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Progress"))).isVisible();
        // The run goes on at least two seconds after its last improvement: the page shows it running, then polls.
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Planning");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop and show the best plan so far")))
                .isVisible();
        assertThat(page.getByText("Placed", new Page.GetByTextOptions().setExact(true))).isVisible();
        page.waitForSelector("#proposal-heading", LONG);
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("the plan is below");

        page.getByLabel("Choose " + names.get(0)).check();
        page.getByLabel("Choose " + names.get(1)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book the chosen patients")).click();

        assertThat(page.getByText("2 of 2 booked", new Page.GetByTextOptions().setExact(false))).isVisible();
        Locator rows = page.getByRole(AriaRole.ROW);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(names.get(0))).first()).containsText("Booked");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(names.get(2))).first()).containsText("Not yet accepted");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Calendar"))).isVisible();
        Locator calendar = page.locator("table.calendar");
        assertThat(calendar.first()).containsText(names.get(0) + " (booked)");
        assertThat(calendar.locator("caption").first()).containsText("Week of");

        page.setViewportSize(360, 800);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling of the page at a phone's width").isLessThanOrEqualTo(0);
    }
}
