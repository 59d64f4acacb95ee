package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.testing.RecordCopies;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.Priority;
import org.synovia.waitinglist.WaitingList;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The issue's journey: a booking clerk books a waiting patient on apixaban for a cervical facet injection,
 * the letter says when to take the last dose, the patient cancels through their own link, and the freed slot
 * is offered to the next patient and booked.
 */
class BookingJourneyBrowserTests extends BrowserJourney {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/my-appointment/[A-Za-z0-9_-]+)");

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired WaitingList waitingList;

    @Test
    void clerkBooksPatientCancelsByLinkAndTheFreedSlotGoesToTheNextPatient() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        for (DayOfWeek day : DayOfWeek.values()) {
            SchedulingFixtures.clinic(sessions, accounts, Guidance.CT, day, LocalTime.of(16, 0), LocalTime.of(16, 45),
                    List.of(45));
        }
        UUID first = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                BookingFixtures::cervicalFacetOnApixaban, BookingFixtures.ctCervicalFacet());
        // Urgent, so that the next patient is the most overdue one any freed slot is offered to.
        UUID next = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                BookingFixtures::cervicalFacetOnApixaban,
                RecordCopies.with(BookingFixtures.ctCervicalFacet(), "priority", Priority.URGENT));
        AccountFixtures.signIn(clerk);
        String firstName = waitingList.entry(first).orElseThrow().patientName();
        String nextName = waitingList.entry(next).orElseThrow().patientName();
        AccountFixtures.signOut();

        Page clerkPage = browser.signedIn(clerk.username(), AccountFixtures.PASSWORD);
        BrowserSession.waitingListRow(clerkPage, firstName)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Book")).click();
        assertThat(clerkPage.getByText("Take your last apixaban on").first()).isVisible();
        clerkPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book")).first().click();
        assertThat(clerkPage.getByText("Booked.", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        String appointmentId = clerkPage.url().replaceAll(".*/appointments/", "");
        String when = clerkPage.locator("dd").nth(0).textContent().replaceAll(" \\(.*", "").strip();
        String room = clerkPage.locator("dd").nth(1).textContent().replaceAll(" — .*", "").strip();

        APIResponse pdf = clerkPage.request().get(browser.url("/appointments/" + appointmentId + "/letter.pdf"));
        assertThat(pdf.ok()).isTrue();
        String letter = text(pdf.body());
        assertThat(letter).contains("Take your last apixaban on").contains(appointmentId);

        String link = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> patientLink(appointmentId), Optional::isPresent).orElseThrow();
        Page patientPage = browser.anonymous();
        patientPage.navigate(browser.url(link));
        assertThat(patientPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your injection appointment")))
                .isVisible();
        patientPage.getByLabel("Why you cannot come (optional)").fill("I will be away that week");
        patientPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel my appointment")).click();
        assertThat(patientPage.getByText("is cancelled", new Page.GetByTextOptions().setExact(false))).isVisible();

        clerkPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Freed slots").setExact(true)).click();
        Locator freedSlot = clerkPage.locator("section").filter(new Locator.FilterOptions().setHasText(when + " · " + room));
        freedSlot.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book " + nextName + " into this slot"))
                .click();
        assertThat(clerkPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Appointment: ")))
                .containsText(nextName.substring(0, nextName.indexOf(",")),
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));
        assertThat(clerkPage.getByText("Booked.", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
    }

    /** The patient link in the letter email that carries this appointment's PDF. */
    private static Optional<String> patientLink(String appointmentId) throws Exception {
        for (MimeMessage email : smtp.getReceivedMessages()) {
            if (!email.getSubject().startsWith("Your injection appointment")) {
                continue;
            }
            StringBuilder plain = new StringBuilder();
            StringBuilder pdfText = new StringBuilder();
            collect(email, plain, pdfText);
            Matcher matcher = LINK.matcher(plain);
            if (pdfText.toString().contains(appointmentId) && matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static void collect(Part part, StringBuilder plain, StringBuilder pdfText) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, plain, pdfText);
            }
        }
        else if (part.isMimeType("text/plain")) {
            plain.append(part.getContent());
        }
        else if (part.isMimeType("application/pdf")) {
            pdfText.append(text(part.getInputStream().readAllBytes()));
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
