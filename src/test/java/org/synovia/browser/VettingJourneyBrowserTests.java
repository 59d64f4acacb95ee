package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

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
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.referral.RequestedInjectate;
import org.synovia.testing.RecordCopies;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Vetting in the browser: a question and its answer, acceptance onto the waiting list, and NICE NG226. */
class VettingJourneyBrowserTests extends BrowserJourney {

    @Autowired
    UserAccounts accounts;

    @Autowired
    Patients patients;

    @Autowired
    Referrals referrals;

    private Patient registerAs(UserAccount referrer) {
        AccountFixtures.signIn(referrer);
        return ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient();
    }

    @Test
    void radiologistAsksReferrerAnswersAndAcceptedReferralJoinsTheWaitingListWithItsBreachDate() {
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        Patient patient = registerAs(referrer);
        Referral referral = referrals.submit(UUID.randomUUID(), ReferralFixtures.kneeAllergicToLidocaine(patient.id().value()));
        AccountFixtures.signOut();
        String name = patient.displayName();

        Page rad = browser.signedIn(radiologist.username(), AccountFixtures.PASSWORD);
        rad.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vetting").setExact(true)).click();
        rad.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name)).getByRole(AriaRole.LINK).first().click();
        rad.getByLabel("Question").fill("Is there an effusion on examination?");
        rad.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for more information")).click();
        assertThat(rad.getByText("Question sent to the referrer.")).isVisible();

        Page ref = browser.signedIn(referrer.username(), AccountFixtures.PASSWORD);
        ref.navigate(browser.url("/referrals"));
        Locator row = ref.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("Is there an effusion on examination?");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Answer")).click();
        ref.getByLabel("Your answer").fill("Yes, a moderate effusion.");
        ref.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send answer")).click();
        assertThat(ref.getByText("Answer sent.")).isVisible();

        rad.navigate(browser.url("/vetting/" + referral.id()));
        assertThat(rad.getByText("Yes, a moderate effusion.")).isVisible();
        assertThat(rad.getByLabel("Guidance")).hasValue("ULTRASOUND");
        // The patient is allergic to lidocaine: the STOP shows; a steroid-only protocol clears it as it is edited.
        assertThat(rad.getByText("SAF-040 Allergy against planned agents").first()).isVisible();
        rad.getByLabel("Local anaesthetic", new Page.GetByLabelOptions().setExact(true)).fill("");
        rad.getByLabel("Local anaesthetic volume (mL)").fill("");
        rad.getByLabel("Local anaesthetic volume (mL)").dispatchEvent("change");
        assertThat(rad.getByText("SAF-040 Allergy against planned agents")).hasCount(0);
        rad.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept and add to waiting list")).click();
        assertThat(rad.getByText("Accepted and added to the waiting list.")).isVisible();

        Page booking = browser.signedIn(clerk.username(), AccountFixtures.PASSWORD);
        LocalDate breach = LocalDate.ofInstant(referral.submittedAt(), java.time.ZoneId.of("Europe/London")).plusWeeks(18);
        Locator entry = BrowserSession.waitingListRow(booking, name);
        assertThat(entry).containsText(breach.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)));
        assertThat(entry).containsText("Referral to treatment (18 weeks)");
        assertThat(entry).containsText("Funded");
    }

    @Test
    void hyaluronanForKneeOsteoarthritisIsFlaggedByNiceNg226() {
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        Patient patient = registerAs(referrer);
        Referral referral = referrals.submit(UUID.randomUUID(), RecordCopies.with(
                ReferralFixtures.kneeOnApixaban(patient.id().value()), "requestedInjectate", RequestedInjectate.HYALURONAN));
        AccountFixtures.signOut();

        Page rad = browser.signedIn(radiologist.username(), AccountFixtures.PASSWORD);
        rad.navigate(browser.url("/vetting/" + referral.id()));
        Locator finding = rad.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("POL-001"));
        assertThat(finding).containsText("No hyaluronan for osteoarthritis (NICE NG226)");
        assertThat(finding).containsText("not met: not funded");
        assertThat(finding).containsText("facts NG-02");
    }
}
