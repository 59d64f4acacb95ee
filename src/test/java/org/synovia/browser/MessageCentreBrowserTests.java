package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.SlotFinder;
import org.synovia.notification.Channel;
import org.synovia.notification.MessageFixtures;
import org.synovia.patient.NewPatient;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.testing.ReceivedLetters;
import org.synovia.testing.RecordCopies;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A booking clerk reads a patient's letter email from the patient's page exactly as sent and sends it again; and
 * prints the letter of a patient without email or mobile from the print queue, adding the missing postal address
 * that the queue flags first.
 */
class MessageCentreBrowserTests extends BrowserJourney {

    private static final LocalTime CLINIC = LocalTime.of(15, 0);

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired BookingDesk desk;
    @Autowired SlotFinder slotFinder;
    @Autowired JdbcClient jdbc;

    @Test
    void clerkReadsTheLetterEmailAsSentAndSendsItAgain() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        Appointment appointment = fixtures().book(clerk, PatientFixtures.adult(), CLINIC);
        AccountFixtures.signOut();
        fixtures().awaitMessage(appointment.id(), Channel.EMAIL);
        int before = smtp.getReceivedMessages().length;

        Page page = browser.signedIn(clerk.username(), AccountFixtures.PASSWORD);
        page.navigate(browser.url("/patients/" + appointment.patientId()));
        Locator section = page.locator("section#messages");
        assertThat(section.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Messages"))).isVisible();
        section.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Your injection appointment on")).first().click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your injection appointment on")))
                .isVisible();
        assertThat(page.locator("pre.message-body")).containsText("Your letter is attached");
        assertThat(page.locator("pre.message-body")).containsText("{{link}}");
        APIResponse pdf = fetch(page, page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("appointment-letter.pdf")).getAttribute("href"));
        assertThat(pdf.ok()).isTrue();
        assertThat(ReceivedLetters.pdfText(pdf.body())).contains(appointment.id().toString());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send again with a fresh link")).click();

        assertThat(page.getByText("Sent again", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("the message it sends again"))).isVisible();
        UUID again = UUID.fromString(page.url().replaceAll(".*/messages/", ""));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length > before
                && "SENT".equals(jdbc.sql("select status from outbound_email where id = ?").param(again)
                        .query(String.class).single()));
        page.reload();
        assertThat(page.locator("dt:text-is('Status') + dd")).containsText("Sent");
    }

    @Test
    void clerkAddsTheMissingAddressThenPrintsTheLetterOfAPatientWithoutEmailFromThePrintQueue() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        NewPatient patient = RecordCopies.with(MessageFixtures.withoutEmailOrMobile(), "address", null);
        Appointment appointment = fixtures().book(clerk, patient, CLINIC);
        AccountFixtures.signOut();
        fixtures().awaitMessage(appointment.id(), Channel.LETTER);

        Page page = browser.signedIn(clerk.username(), AccountFixtures.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Messages").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Print queue")).click();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(patient.givenName() + " "
                + patient.familyName()));
        assertThat(row).containsText("Cannot be posted: no address");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Add the address")).click();
        page.getByLabel("Address line 1 (house and street)").fill("9 Browser Close");
        page.getByLabel("Town or city").fill("Clickton");
        page.getByLabel("Postcode").fill("zz7 7bc");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the address")).click();
        assertThat(page.getByText("The postal address is saved.")).isVisible();
        assertThat(page.locator("#postal-address")).containsText("ZZ7 7BC");
        page.navigate(browser.url("/print-queue"));
        assertThat(row).isVisible();
        assertThat(row).not().containsText("Cannot be posted");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a print batch")).click();
        assertThat(page.getByText("A print batch is ready")).isVisible();

        Locator batch = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Not yet")).first();
        String href = batch.getByRole(AriaRole.LINK).first().getAttribute("href");
        APIResponse pdf = fetch(page, href);
        assertThat(pdf.ok()).isTrue();
        String text = ReceivedLetters.pdfText(pdf.body());
        assertThat(text).contains(patient.givenName() + " " + patient.familyName() + " 9 Browser Close CLICKTON ZZ7 7BC")
                .contains("Your appointment letter is on the next page").contains(appointment.id().toString());

        batch.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark printed")).click();
        assertThat(page.getByText("marked printed", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        assertThat(page.getByText("by " + clerk.displayName(), new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        assertThat(fetch(page, href).status()).isEqualTo(404);
    }

    private MessageFixtures fixtures() {
        return new MessageFixtures(accounts, patients, referrals, vetting, sessions, slotFinder, desk, jdbc);
    }

    /** Fetches what a link points to with the page's session. */
    private APIResponse fetch(Page page, String href) {
        return page.request().get(href.startsWith("http") ? href : browser.url(href));
    }
}
