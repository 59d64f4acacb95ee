package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A newcomer signs in to the demo as the nurse and finds today's list ready: a patient at each stage, the signed one
 * with its report, the one in the room with identity and allergies beside its steps. The demo loader runs at start-up
 * on the tests' fixed clock.
 */
@TestPropertySource(properties = "synovia.demo.enabled=true")
class DemoDayBrowserTests extends BrowserJourney {

    @Test
    void theDemoDayListShowsTodaysPatientsAtEachStage() {
        Page page = browser.signedIn("nurse.evans", "synovia-demo");
        page.navigate(browser.url("/day"));

        Locator rows = page.locator("tr", new Page.LocatorOptions().setHasText("Injection suite"));
        assertThat(rows).hasCount(4);
        assertThat(rows.nth(0)).containsText("Done");
        assertThat(rows.nth(1)).containsText("In room");
        assertThat(rows.nth(2)).containsText("Arrived");
        assertThat(rows.nth(3)).containsText("Booked");

        rows.nth(1).getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#patient-panel")).containsText("NHS number");
        assertThat(page.locator("#patient-panel")).containsText("No known allergies");
        assertThat(page.getByText("Dr Alasdair Reid").first()).isVisible();
    }
}
