package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A referrer registers a patient and refers them; another referrer cannot see the referral. */
class ReferralJourneyBrowserTests extends BrowserJourney {

    @Autowired
    UserAccounts accounts;

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Test
    void referrerRegistersAPatientAndSubmitsAReferralThatOnlyTheySee() {
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount otherReferrer = AccountFixtures.create(accounts, Role.REFERRER);
        String familyName = PatientFixtures.uniqueFamilyName();
        String nhsNumber = PatientFixtures.uniqueNhsNumber();

        Page page = browser.signedIn(referrer.username(), AccountFixtures.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Patients").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a new patient")).click();

        // A wrong check digit is caught beside the field, and nothing is saved.
        page.getByLabel("NHS number").fill("943 476 5918");
        page.getByLabel("Given name").fill("Grace");
        page.getByLabel("Family name").fill(familyName);
        page.getByLabel("Date of birth").fill("1961-07-02");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Female")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register patient")).click();
        assertThat(page.getByText("This is not a valid NHS number: its check digit is wrong.").first()).isVisible();

        page.getByLabel("NHS number").fill(nhsNumber);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register patient")).click();
        assertThat(page.getByText("Patient registered.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(familyName.toUpperCase() + ", Grace"))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Refer this patient for an injection")).click();
        page.getByLabel("Site", new Page.GetByLabelOptions().setExact(true)).selectOption("HIP_JOINT");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Left").setExact(true)).check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Diagnostic").setExact(true)).check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Osteoarthritis")).check();
        page.getByLabel("Treatment 1", EXACT).selectOption("PHYSIOTHERAPY");
        page.getByLabel("Weeks of treatment 1", EXACT).fill("10");
        page.getByLabel("Blood thinner 1", EXACT).selectOption("APIXABAN");
        page.getByLabel("Dose of blood thinner 1", EXACT).fill("5 mg");
        page.getByLabel("Frequency of blood thinner 1", EXACT).selectOption("TWICE_DAILY");
        page.getByLabel("Times of blood thinner 1", EXACT).fill("08:00, 20:00");
        page.getByLabel("No known allergies").check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("No diabetes")).check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("No: cannot become pregnant")).check();
        page.getByLabel("Weight (kg)").fill("64");
        // A further target of the same session: the button posts the form, which comes back with a target row.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another target")).click();
        page.getByLabel("Site of target 2", EXACT).selectOption("TROCHANTERIC_BURSA");
        page.getByLabel("Side of target 2", EXACT).selectOption("LEFT");
        assertThat(page.getByLabel("Weight (kg)")).hasValue("64");

        // Submitting without a clinical question keeps everything typed and says what is missing.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit referral")).click();
        assertThat(page.locator(".error-message", new Page.LocatorOptions().setHasText("Write the clinical question"))).isVisible();
        assertThat(page.getByLabel("Dose of blood thinner 1", EXACT)).hasValue("5 mg");
        assertThat(page.getByLabel("Site of target 2", EXACT)).hasValue("TROCHANTERIC_BURSA");

        page.getByLabel("Clinical question").fill("Groin pain and a degenerate spine: is the left hip the source?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit referral")).click();
        assertThat(page.getByText("Referral submitted.")).isVisible();
        assertThat(page.getByText("Apixaban 5 mg, Twice a day (bd) at 08:00, 20:00")).isVisible();
        assertThat(page.getByLabel("Further targets")).containsText("Greater trochanteric bursa, left");
        String referralUrl = page.url();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Referrals").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your referrals"))).isVisible();
        assertThat(page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(familyName.toUpperCase()))).containsText("Hip joint, left");

        Page other = browser.signedIn(otherReferrer.username(), AccountFixtures.PASSWORD);
        other.navigate(browser.url("/referrals"));
        assertThat(other.getByText(familyName.toUpperCase())).hasCount(0);
        other.navigate(referralUrl);
        assertThat(other.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
    }
}
