package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.Bookings;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The funding gate (issue 17): a referral accepted as an individual funding request cannot be booked; the
 * administrator records the approval; the clerk then books it, and the state shows on the waiting list and the
 * day list.
 */
class FundingGateBrowserTests extends BrowserJourney {

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired WaitingList waitingList;
    @Autowired Bookings bookings;

    @Test
    void bookingIsRefusedUntilTheAdministratorRecordsTheApprovalThenSucceeds() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, day, LocalTime.of(22, 40), LocalTime.of(23, 0),
                    List.of(20));
        }
        // Hyaluronan for knee osteoarthritis: NICE NG226 does not fund it, so it waits as an individual funding request.
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                BookingFixtures::kneeHyaluronanForOsteoarthritis, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        String name = waitingList.entry(referralId).orElseThrow().patientName();
        AccountFixtures.signOut();

        Page clerkPage = browser.signedIn(clerk.username(), AccountFixtures.PASSWORD);
        Locator row = BrowserSession.waitingListRow(clerkPage, name);
        assertThat(row.locator("[data-funding]")).containsText("Awaiting funding approval");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Book")).click();
        assertThat(clerkPage.getByRole(AriaRole.ALERT)).containsText("Awaiting funding approval");
        assertThat(clerkPage.getByRole(AriaRole.ALERT)).containsText("individual funding request needed");
        assertThat(clerkPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)))
                .hasCount(0);

        Page adminPage = browser.signedIn(admin.username(), AccountFixtures.PASSWORD);
        adminPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Funding").setExact(true)).click();
        adminPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        adminPage.getByLabel("Approval or IFR reference").fill("IFR-2027-0117");
        adminPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record approval")).click();
        assertThat(adminPage.getByRole(AriaRole.STATUS)).containsText("Funding approval recorded");
        assertThat(adminPage.locator("#funding-state")).containsText("reference IFR-2027-0117");

        clerkPage.reload();
        assertThat(clerkPage.locator(".funding-line [data-funding]")).containsText("Funding approved");
        clerkPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book")).first().click();
        assertThat(clerkPage.getByText("Booked.", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        String appointmentId = clerkPage.url().replaceAll(".*/appointments/", "");

        AccountFixtures.signIn(clerk);
        LocalDate day = bookings.appointment(UUID.fromString(appointmentId)).start().atZone(bookings.zone()).toLocalDate();
        AccountFixtures.signOut();
        clerkPage.navigate(browser.url("/day?date=" + day));
        Locator dayRow = clerkPage.locator("tr:has(a[href$='/day/" + appointmentId + "'])");
        assertThat(dayRow.locator("[data-funding]")).containsText("Funding approved");
    }
}
