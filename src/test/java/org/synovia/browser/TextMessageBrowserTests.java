package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingInvitations;
import org.synovia.booking.SlotFinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.notification.FakeTextProviders;
import org.synovia.notification.MessageFixtures;
import org.synovia.patient.NewPatient;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A patient who asked for texts: the clerk records the preference on the patient's page, the booking link goes by
 * text through the clinic's SMS gateway (a local fake of its HTTP API), and the patient opens it on their phone.
 */
class TextMessageBrowserTests extends BrowserJourney {

    static final FakeTextProviders.Gateway gateway = new FakeTextProviders.Gateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        MessageFixtures.textThrough(gateway, registry);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired BookingDesk desk;
    @Autowired SlotFinder slotFinder;
    @Autowired BookingInvitations invitations;
    @Autowired WaitingList waitingList;
    @Autowired JdbcClient jdbc;

    @Test
    void bookingLinkGoesByTextToAPatientWhoPrefersTexts() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        NewPatient patient = RecordCopies.with(PatientFixtures.adult(), "mobile", "07700 900777");
        UUID referralId = new MessageFixtures(accounts, patients, referrals, vetting, sessions, slotFinder, desk, jdbc)
                .waiting(clerk, patient, LocalTime.of(14, 0));
        UUID patientId = waitingList.entry(referralId).orElseThrow().patientId();
        AccountFixtures.signOut();

        Page page = browser.signedIn(clerk.username(), AccountFixtures.PASSWORD);
        page.navigate(browser.url("/patients/" + patientId));
        page.getByLabel("Preferred channel").selectOption("SMS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save how to contact")).click();
        assertThat(page.getByText("How the patient is contacted is saved.")).isVisible();
        assertThat(page.getByLabel("Preferred channel")).hasValue("SMS");

        AccountFixtures.signIn(clerk);
        invitations.invite(referralId);
        AccountFixtures.signOut();

        FakeTextProviders.Received text = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> gateway.received.stream().filter(r -> r.to().equals("07700 900777")).findFirst(),
                        Optional::isPresent).orElseThrow();
        assertThat(text.text()).contains("/choose-appointment/").doesNotContainIgnoringCase("apixaban")
                .doesNotContainIgnoringCase("facet");

        page.reload();
        Locator row = page.locator("section#messages").getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText("Text message"));
        assertThat(row).containsText("07700 900777");
        row.getByRole(AriaRole.LINK).click();
        assertThat(page.getByText("Text message").first()).isVisible();
        assertThat(page.locator("pre.message-body")).containsText("{{link}}");

        String link = text.text().replaceAll(".*(/choose-appointment/[A-Za-z0-9_-]+).*", "$1");
        Page phone = browser.anonymous();
        phone.navigate(browser.url(link));
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose your injection appointment")))
                .isVisible();
    }
}
