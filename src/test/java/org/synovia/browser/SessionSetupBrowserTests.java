package org.synovia.browser;

import java.time.Clock;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A booking clerk sets up a room, an operator and a weekly session, and is told what is wrong beside the field. */
class SessionSetupBrowserTests extends BrowserJourney {

    private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);

    @Autowired
    UserAccounts accounts;

    @Autowired
    Clock clock;

    @Test
    void clerkAddsARoomAnOperatorAndAWeeklySessionWhoseSlotsAreMade() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount doctor = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        String roomName = "Browser room " + System.nanoTime() % 100_000;

        Page page = browser.signedIn(clerk.username(), AccountFixtures.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sessions").setExact(true)).click();

        page.getByText("Add a room").click();
        page.getByLabel("Room name").fill(roomName);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add room")).click();
        assertThat(page.getByText("Choose at least one kind of guidance").first()).isVisible();
        page.getByLabel("Where it is (for the letter)").fill("Imaging, level 1");
        page.locator("form[action$='/sessions/rooms']").getByLabel("Ultrasound").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add room")).click();
        assertThat(page.getByText("Room " + roomName + " added.")).isVisible();

        page.getByText("Add an operator").click();
        page.getByLabel("Staff account (username)").fill(doctor.username());
        page.getByLabel("Name patients see").fill("Dr Browser");
        page.getByLabel("Grade").selectOption("CONSULTANT");
        page.locator("form[action$='/sessions/operators']").getByLabel("Ultrasound").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add operator")).click();
        assertThat(page.getByText("Operator Dr Browser added.")).isVisible();

        page.getByText("Add a weekly session").click();
        Locator form = page.locator("form[action$='/sessions/templates']");
        form.getByLabel("Day", EXACT).selectOption("WEDNESDAY");
        form.getByLabel("Starts", EXACT).fill("14:00");
        form.getByLabel("Ends", EXACT).fill("15:00");
        form.getByLabel("Room", EXACT).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(roomName));
        form.getByLabel("Operator", EXACT).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Dr Browser"));
        form.getByLabel("Slot lengths in minutes, repeated (e.g. 20 or 20,20,45)").fill("20");
        form.getByLabel("First day", EXACT).fill(LocalDate.now(clock).toString());
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add weekly session")).click();
        assertThat(page.getByText("Weekly session added and its slots made.")).isVisible();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(roomName))
                .filter(new Locator.FilterOptions().setHasText("Wednesday 14:00–15:00"))).isVisible();
    }
}
