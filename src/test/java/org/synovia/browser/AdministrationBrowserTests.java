package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * An administrator changes a nurse's roles and disables the account, then finds in the audit trail, by the patient's
 * NHS number, who registered a patient, and exports what the filter shows (#17).
 */
class AdministrationBrowserTests extends BrowserJourney {

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;

    @Test
    void anAdministratorChangesRolesDisablesAnAccountAndReadsTheTrailByNhsNumber() {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        AccountFixtures.signIn(clerk);
        Patient patient = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient();
        AccountFixtures.signOut();

        Page page = browser.signedIn(admin.username(), AccountFixtures.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff accounts")).first().click();
        page.getByLabel("Name, username, email or organisation").fill(nurse.username());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        assertThat(page.getByText("Accounts 1–1 of 1")).isVisible();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(nurse.username()));
        row.getByText("Change roles of " + nurse.displayName()).click();
        Locator roles = row.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Roles of " + nurse.displayName()));
        roles.getByLabel("Booking clerk").check();
        checkAccessibility(page);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save roles of " + nurse.displayName())).click();
        assertThat(page.getByText("Roles of '" + nurse.username() + "' changed")).isVisible();
        // The change returns to the list as it was shown: still narrowed to the nurse.
        assertThat(row).containsText("Booking clerk");
        assertThat(page.getByLabel("Name, username, email or organisation")).hasValue(nurse.username());

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable " + nurse.displayName())).click();
        assertThat(page.getByText("Account '" + nurse.username() + "' disabled")).isVisible();
        assertThat(row).containsText("Disabled");
        assertThat(accounts.find(nurse.username()).orElseThrow().enabled()).isFalse();

        page.navigate(browser.url("/admin/audit"));
        page.getByLabel("Patient's NHS number").fill(patient.nhsNumber().formatted());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        Locator lines = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Audit trail lines"));
        assertThat(lines.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("CREATE")))
                .containsText(clerk.displayName() + " (" + clerk.username() + ")");

        String export = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export these lines as CSV"))
                .getAttribute("href");
        APIResponse csv = page.request().get(browser.url(export));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains(clerk.displayName()).contains(patient.nhsNumber().formatted());

        page.getByLabel("Patient's NHS number").fill("123");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("NHS number");
    }
}
