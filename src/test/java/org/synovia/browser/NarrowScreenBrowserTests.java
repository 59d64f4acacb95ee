package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.StaffGrade;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.Patients;
import org.synovia.procedure.ProcedureFixtures;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.vetting.Vetting;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Staff on a phone (375 px wide): the waiting list and the day list fit the screen, a wide table scrolls inside
 * its own box rather than the page, and the menu folds behind one button that opens it without script.
 */
class NarrowScreenBrowserTests extends BrowserJourney {

    @Autowired org.springframework.context.ApplicationContext context;

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired JdbcClient jdbc;

    UserAccount nurse;

    @BeforeAll
    void oneWaitingAndOneOnTodaysList() {
        UserAccount radiologist = AccountFixtures.create(accounts, StaffGrade.CONSULTANT, Role.RADIOLOGIST);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist, ReferralFixtures::kneeOnApixaban,
                BookingFixtures.ultrasoundKnee());
        var fixtures = ProcedureFixtures.of(context);
        fixtures.startingNow(fixtures.booked(radiologist, ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee()));
        nurse = AccountFixtures.create(accounts, Role.NURSE);
        AccountFixtures.signOut();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/waiting-list", "/day"})
    void fitsAPhoneWithTheMenuFoldedAndTablesScrollingInTheirOwnBox(String path) {
        Page page = browser.signedIn(nurse.username(), AccountFixtures.PASSWORD);
        page.setViewportSize(375, 812);
        page.navigate(browser.url(path));

        assertThat(page.locator("table.list")).isVisible();
        int pageWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(pageWidth).as("the page itself never scrolls sideways").isLessThanOrEqualTo(375);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Day list"))).isHidden();

        page.getByText("Menu", new Page.GetByTextOptions().setExact(true)).click();

        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Day list"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        page.context().close();
    }
}
