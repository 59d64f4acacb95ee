package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
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
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.Bookings;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.testing.TestSmtp;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import jakarta.mail.internet.MimeMessage;

/**
 * The whole day: check-in, consent, sign-in, time-out, the record with batch and dose, sign-out,
 * signing, an addendum, the report PDF and the emails.
 */
class ProcedureDayBrowserTests extends BrowserJourney {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.greenMail();

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired WaitingList waitingList;
    @Autowired Bookings bookings;
    @Autowired JdbcClient jdbc;
    @Autowired org.synovia.notification.EmailOutbox outbox;

    private static void tickAll(Page page) {
        Locator boxes = page.locator("input[name=items]");
        for (int i = 0; i < boxes.count(); i++) {
            boxes.nth(i).check();
        }
    }

    @Test
    void theTeamChecksInConsentsRunsTheChecklistRecordsSignsAndAmends() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        List<UUID> rooms = Arrays.stream(DayOfWeek.values()).map(day -> SchedulingFixtures.clinic(sessions, accounts,
                Guidance.ULTRASOUND, day, LocalTime.of(9, 0), LocalTime.of(10, 0), List.of(20)).room().id()).toList();
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        LocalDate earliest = waitingList.entry(referralId).orElseThrow().earliestDate();
        UUID slotId = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20,
                        earliest == null ? LocalDate.now(LONDON) : earliest, LocalDate.now(LONDON).plusWeeks(8), null, null))
                .stream().filter(s -> rooms.contains(s.roomId())).findFirst().orElseThrow().id();
        Appointment appointment = bookings.book(referralId, slotId);
        // Booking keeps starts after the medication notice; the day itself is today for this journey.
        jdbc.sql("update appointment set during = tstzrange(now(), now() + interval '20 minutes') where id = ?")
                .param(appointment.id()).update();
        var patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();
        AccountFixtures.signOut();

        Page page = browser.signedIn(radiologist.username(), AccountFixtures.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Day list").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(patient.displayName())).click();
        assertThat(page.getByText("Continue apixaban: no stop was planned.").first()).isVisible();

        page.getByLabel("Full name, as the patient says it").fill(patient.givenName() + " " + patient.familyName());
        page.getByLabel("Date of birth").fill("1970-03-15");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in")).click();
        assertThat(page.locator("#dateOfBirth-error")).containsText("does not match the record");
        page.getByLabel("Date of birth").fill("1970-03-14");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in")).click();
        assertThat(page.locator("#status")).hasText("Arrived");

        assertThat(page.getByText("Infection in the joint or tissues", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        page.getByLabel("The patient agrees to the procedure as written above").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record consent")).click();
        assertThat(page.getByText("Consent recorded.")).isVisible();

        assertThat(page.getByText("Skin preparation agent confirmed (local policy) [local check]")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm sign-in")).click();
        assertThat(page.locator("#items-error")).containsText("Not confirmed");
        tickAll(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm sign-in")).click();
        tickAll(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm time-out")).click();
        assertThat(page.getByText("Time-out confirmed.")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Procedure record")).click();
        page.locator("select[name=guidance]").selectOption("ULTRASOUND");
        page.getByLabel("Needle", new Page.GetByLabelOptions().setExact(true)).fill("21G 40 mm");
        page.locator("[name='drugs[0].product']").fill("Methylprednisolone acetate 40 mg/mL");
        page.locator("[name='drugs[0].dose']").fill("40 mg");
        page.locator("[name='drugs[0].volumeMl']").fill("1");
        page.locator("[name='drugs[0].batch']").fill("MP7788");
        page.locator("[name='drugs[0].expiry']").fill(LocalDate.now(LONDON).plusMonths(6).toString());
        page.locator("[name='drugs[0].route']").fill("intra-articular");
        page.locator("[name='drugs[0].site']").fill("right knee");
        page.getByLabel("Key images (count)").fill("2");
        page.getByLabel("Before", new Page.GetByLabelOptions().setExact(true)).fill("8");
        page.getByLabel("Immediate complications (or none)").fill("none");
        page.getByLabel("Aftercare explained and leaflet given").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the record")).click();
        assertThat(page.getByText("Record saved.", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(page.locator("#pain-reading")).containsText("no score after the injection yet");
        page.getByLabel("Minutes after the injection").fill("5");
        page.getByLabel("Pain score (NRS 0–10)").fill("6");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the pain score")).click();
        assertThat(page.locator("#pain-reading")).containsText("Negative response: 25% relief at 5 minutes");
        page.getByLabel("Minutes after the injection").fill("30");
        page.getByLabel("Pain score (NRS 0–10)").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the pain score")).click();
        assertThat(page.locator("#pain-reading")).containsText("Positive response: 75% relief at 30 minutes (best of 2 scores");
        assertThat(page.locator("#pain-reading")).containsText("Dual comparative block criterion ≥ 80% (DX-02): not met");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the patient")).click();
        tickAll(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm sign-out")).click();
        assertThat(page.locator("#status")).hasText("Done");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Procedure record")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign the record")).click();
        assertThat(page.getByText("Record signed.", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the record"))).hasCount(0);

        page.getByLabel("Addendum").fill("Batch was MP7789, not MP7788");
        page.getByLabel("Why").fill("Misread the vial label");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the addendum")).click();
        assertThat(page.getByText("Batch was MP7789, not MP7788")).isVisible();
        assertThat(page.getByText("batch MP7788", new Page.GetByTextOptions().setExact(false))).isVisible();

        APIResponse pdf = page.request().get(browser.url("/day/" + appointment.id() + "/report.pdf"));
        assertThat(pdf.ok()).isTrue();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("batch MP7788").contains("40 mg").contains("Positive response: 75% relief at 30 minutes")
                    .contains("Amended report").contains("Batch was MP7789, not MP7788").contains("why: Misread the vial label");
        }
        APIResponse original = page.request().get(browser.url("/day/" + appointment.id() + "/report.pdf?version=1"));
        try (var document = org.apache.pdfbox.Loader.loadPDF(original.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("batch MP7788").contains("5 min: NRS 6, 25% relief").doesNotContain("MP7789");
        }
        outbox.sendDue(); // the scheduled send, which tests run only hourly
        MimeMessage report = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Procedure report: " + patient.displayName())).findFirst().orElse(null),
                m -> m != null);
        assertThat(report.getAllRecipients()[0].toString()).isEqualTo("test@example.com");
        MimeMessage amended = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Amended report: " + patient.displayName())).findFirst().orElse(null),
                m -> m != null);
        assertThat(amended.getAllRecipients()[0].toString()).isEqualTo("test@example.com");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Amended report (version 2) (PDF)"))).isVisible();
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
