package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

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
import org.synovia.diary.DiaryJobs;
import org.synovia.diary.DiaryFixtures;
import org.synovia.notification.EmailOutbox;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * The diary journey on a phone-sized screen: the patient opens the link, writes three entries, reports
 * a red flag and sees the urgent advice; the team sees and acknowledges the alert; the referrer receives the
 * summary whose PDF holds the response.
 */
class DiaryBrowserTests extends BrowserJourney {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    @Autowired org.springframework.context.ApplicationContext context;

    @Autowired UserAccounts accounts;

    @Autowired Clock clock;
    @Autowired Patients patients;
    @Autowired Vetting vetting;
    @Autowired DiaryJobs diaryJobs;
    @Autowired EmailOutbox outbox;
    @Autowired JdbcClient jdbc;

    private static void choosePain(Page page, String question, String score) {
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(question))
                .getByLabel(score, new Locator.GetByLabelOptions().setExact(true)).check();
    }

    @Test
    void thePatientKeepsTheDiaryOnAPhoneTheTeamActsOnARedFlagAndTheReferrerGetsTheSummary() throws Exception {
        var fixtures = DiaryFixtures.of(context);
        Appointment appointment = fixtures.diagnosticKnee();
        String token = fixtures.link(appointment.id());
        var patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();

        Page phone = browser.anonymous();
        phone.setViewportSize(390, 844);
        fixtures.injectedAgo(appointment.id(), Duration.ofMinutes(31));
        phone.navigate(browser.url("/my-diary/" + token));
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("30 minutes after your injection")))
                .isVisible();
        assertThat(phone.getByText(patient.familyName())).hasCount(0);
        var target = phone.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("How bad is your pain right now?"))
                .locator("label").first().boundingBox();
        assertThat(target.height).as("WCAG 2.2 target size").isGreaterThanOrEqualTo(44);
        assertThat(phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        choosePain(phone, "How bad is your pain right now?", "3");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my entry")).click();
        assertThat(phone.getByText("Your entry for 30 minutes after your injection is saved")).isVisible();

        fixtures.injectedAgo(appointment.id(), Duration.ofMinutes(61));
        phone.reload();
        choosePain(phone, "How bad is your pain right now?", "1");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my entry")).click();
        assertThat(phone.getByText("Your entry for 1 hour after your injection is saved")).isVisible();

        fixtures.injectedAgo(appointment.id(), Duration.ofDays(1).plusMinutes(5));
        phone.reload();
        choosePain(phone, "How bad is your pain right now?", "8");
        choosePain(phone, "What was your worst pain in the last day?", "9");
        phone.getByLabel("Your highest blood sugar today, in mmol/L (if you measured it)").fill("8.2");
        phone.getByLabel("I have a fever (a high temperature) or shivers").check();
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my entry")).click();
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Get help today"))).isVisible();
        assertThat(phone.getByRole(AriaRole.ALERT)).containsText("call 999");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to your diary")).click();
        assertThat(phone.locator("svg.pain-chart")).isVisible();
        assertThat(phone.getByText("Red flag reported")).isVisible();

        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        Page team = browser.signedIn(nurse.username(), AccountFixtures.PASSWORD);
        team.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Diary alerts \\(\\d+\\)$")))
                .click();
        Locator alert = team.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(patient.displayName()));
        assertThat(alert).containsText("I have a fever (a high temperature) or shivers");
        alert.getByLabel("What you did").fill("Phoned: no fever now; reviewed in clinic today");
        alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        assertThat(team.getByText("Alert acknowledged.")).isVisible();
        team.navigate(browser.url("/diary/episodes/" + appointment.id()));
        assertThat(team.getByText("Positive diagnostic response", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(team.getByText("acknowledged by " + nurse.displayName(), new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(team.getByText(nurse.username(), new Page.GetByTextOptions().setExact(false))).hasCount(0);

        fixtures.injectedAgo(appointment.id(), Duration.ofDays(14).plusMinutes(5));
        assertThat(diaryJobs.sendSummaries(clock.instant())).isPositive();
        outbox.sendDue();
        MimeMessage summary = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Pain diary summary: " + patient.displayName())).findFirst().orElse(null),
                m -> m != null);
        assertThat(summary.getAllRecipients()[0].toString()).isEqualTo("test@example.com");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf(summary))) {
            // Compared without spaces: where a line wraps depends on the font, not on what the summary says.
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", ""))
                    .contains("Positivediagnosticresponse:largestrelief85.7%")
                    .contains("Ihaveafever(ahightemperature)orshiversatD1(acknowledgedby" + nurse.displayName().replaceAll("\\s+", ""));
        }
    }

    private static byte[] pdf(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if ("pain-diary-summary.pdf".equals(part.getFileName())) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new IllegalStateException("no PDF attached");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
