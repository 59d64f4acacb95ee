package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
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

    @Autowired Clock clock;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired WaitingList waitingList;
    @Autowired BookingDesk desk;
    @Autowired JdbcClient jdbc;
    @Autowired org.synovia.notification.EmailOutbox outbox;

    private static void tickAll(Page page) {
        Locator boxes = page.locator("input[name=items]");
        // count() does not wait: after a link or a redirect the next page's boxes may not be there yet.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        boxes.first().waitFor();
        for (int i = 0; i < boxes.count(); i++) {
            boxes.nth(i).check();
        }
    }

    /** Fills and records the sign-in observations; the target's answers are "Yes", "No" or "Not known". */
    static void observe(Page page, String temperature, String glucose, String systolic, String diastolic, String hot,
            String swollen, String red) {
        page.getByLabel("Temperature (°C)").fill(temperature);
        page.getByLabel("Capillary glucose", new Page.GetByLabelOptions().setExact(false)).fill(glucose);
        page.getByLabel("Systolic blood pressure (mmHg)").fill(systolic);
        page.getByLabel("Diastolic blood pressure (mmHg)").fill(diastolic);
        page.locator("#targetHot").getByLabel(hot, new Locator.GetByLabelOptions().setExact(true)).check();
        page.locator("#targetSwollen").getByLabel(swollen, new Locator.GetByLabelOptions().setExact(true)).check();
        page.locator("#targetRed").getByLabel(red, new Locator.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the observations")).click();
        assertThat(page.getByText("Observations recorded", new Page.GetByTextOptions().setExact(false))).isVisible();
    }

    @Test
    void theTeamChecksInConsentsRunsTheChecklistRecordsSignsAndAmends() throws Exception {
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        Appointment appointment = bookedForToday(radiologist);
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
        assertThat(page.locator("#items-error")).containsText("Record the observations");
        observe(page, "36.6", "6.2", "130", "80", "No", "No", "No");
        assertThat(page.locator("#current-check")).containsText("WARN SAF-030: Diabetes and steroid");
        assertThat(page.locator("#current-check")).not().containsText("SAF-031");
        assertThat(page.locator("#current-check")).not().containsText("SAF-032");
        tickAll(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm sign-in")).click();
        // The sign-in now runs the engine; the time-out's boxes are ticked on the page that follows.
        assertThat(page.getByText("Sign-in confirmed.")).isVisible();
        // The time-out's drugs start from the protocol; 30 mL of 1% lidocaine is above this 80.5 kg patient's maximum.
        assertThat(page.getByLabel("Drug 2", new Page.GetByLabelOptions().setExact(true))).hasValue("LIDOCAINE");
        assertThat(page.getByLabel("Volume 2 (mL)")).hasValue("2");
        page.getByLabel("Volume 2 (mL)").fill("30");
        tickAll(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm time-out")).click();
        assertThat(page.locator("#items-error")).containsText("Time-out not confirmed: The time-out safety check needs a "
                + "decision: SAF-070 (STOP)");
        assertThat(page.locator("#check-TIME_OUT")).containsText("largest permitted 24.1 mL of 1% lidocaine");
        assertThat(page.getByLabel("Volume 2 (mL)")).hasValue("30");
        page.getByLabel("Volume 2 (mL)").fill("2");
        tickAll(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm time-out")).click();
        assertThat(page.getByText("Time-out confirmed.")).isVisible();
        assertThat(page.locator("#check-TIME_OUT-2")).containsText("lidocaine 1% 2 mL (20 mg)");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Procedure record")).click();
        // The record starts from the accepted protocol and what the time-out confirmed; batch, expiry and route are typed.
        assertThat(page.locator("#prefilled-from-protocol")).isVisible();
        assertThat(page.locator("select[name=guidance]")).hasValue("ULTRASOUND");
        // Identity and allergies stay beside the record too.
        assertThat(page.locator("#patient-panel")).containsText(patient.familyName().toUpperCase());
        assertThat(page.locator("#patient-panel")).containsText("14 March 1970");
        assertThat(page.locator("[name='drugs[1].product']")).hasValue("Lidocaine 1%");
        assertThat(page.locator("[name='drugs[1].volumeMl']")).hasValue("2");
        page.locator("[name='drugs[1].batch']").fill("LA4455");
        page.locator("[name='drugs[1].expiry']").fill(LocalDate.now(clock).plusMonths(6).toString());
        page.locator("[name='drugs[1].route']").fill("intra-articular");
        page.locator("select[name=guidance]").selectOption("ULTRASOUND");
        page.getByLabel("Needle", new Page.GetByLabelOptions().setExact(true)).fill("21G 40 mm");
        page.locator("[name='drugs[0].product']").fill("Methylprednisolone acetate 40 mg/mL");
        page.locator("[name='drugs[0].dose']").fill("40 mg");
        page.locator("[name='drugs[0].volumeMl']").fill("1");
        page.locator("[name='drugs[0].batch']").fill("MP7788");
        page.locator("[name='drugs[0].expiry']").fill(LocalDate.now(clock).plusMonths(6).toString());
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

    /** A knee on apixaban vetted by {@code radiologist}, booked and moved to start now (booking keeps starts later). */
    private Appointment bookedForToday(UserAccount radiologist) {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        AccountFixtures.signIn(clerk);
        List<UUID> rooms = Arrays.stream(DayOfWeek.values()).map(day -> SchedulingFixtures.clinic(sessions, accounts,
                Guidance.ULTRASOUND, day, LocalTime.of(9, 0), LocalTime.of(10, 0), List.of(20)).room().id()).toList();
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        LocalDate earliest = waitingList.entry(referralId).orElseThrow().earliestDate();
        UUID slotId = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 20,
                        earliest == null ? LocalDate.now(clock) : earliest, LocalDate.now(clock).plusWeeks(8), null, null))
                .stream().filter(s -> rooms.contains(s.roomId())).findFirst().orElseThrow().id();
        Appointment appointment = desk.book(referralId, slotId);
        BookingFixtures.startAt(jdbc, clock, appointment.id(), Duration.ZERO, Duration.ofMinutes(20));
        AccountFixtures.signOut();
        return appointment;
    }

    /**
     * Issue 12 §3: a value taken at sign-in (a hot, swollen knee at 38.4 °C) stops the injection and starts the
     * urgent pathway: the STOP with its guideline on screen, the alert on the day list, the emails to the on-call
     * contact and the referrer, and the record saying what was done instead.
     */
    @Test
    void aHotSwollenKneeWithFeverAtSignInStopsTheInjectionAndStartsTheUrgentPathway() throws Exception {
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        Appointment appointment = bookedForToday(radiologist);
        var patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();

        Page page = browser.signedIn(nurse.username(), AccountFixtures.PASSWORD);
        page.navigate(browser.url("/day/" + appointment.id()));
        page.getByLabel("Full name, as the patient says it").fill(patient.givenName() + " " + patient.familyName());
        page.getByLabel("Date of birth").fill(patient.dateOfBirth().toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in")).click();
        page.getByLabel("The patient agrees to the procedure as written above").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record consent")).click();
        assertThat(page.getByText("Consent recorded.")).isVisible();

        observe(page, "38.4", "7.1", "128", "78", "Yes", "Yes", "Not known");
        assertThat(page.locator("#current-check")).containsText("STOP SAF-031: Signs of infection on the procedure day");
        assertThat(page.locator("#current-check")).containsText("Suspected septic joint at sign-in (38.4 °C; hot yes, "
                + "swollen yes, red not known): no steroid; aspirate and send for culture; urgent pathway [CI-03, CX-01]");
        assertThat(page.locator("#current-check")).containsText("EULAR intra-articular therapy recommendations (Uson et al., S5) 2021, Table 2 [CI-03]");
        tickAll(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm sign-in")).click();
        assertThat(page.getByText("Sign-in confirmed.")).isVisible();
        assertThat(page.locator("#urgent-pathway")).containsText("Urgent pathway: suspected septic joint, no steroid");
        assertThat(page.locator("#urgent-pathway")).containsText("on-call on-call@example.com; referrer test@example.com");
        assertThat(page.locator("#check-SIGN_IN")).containsText("Needs a radiologist's decision before the time-out.");

        tickAll(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm time-out")).click();
        assertThat(page.locator("#items-error")).containsText("The sign-in safety check needs a decision: SAF-031 (STOP)");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the day list")).click();
        assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHasText(patient.displayName())))
                .containsText("URGENT PATHWAY, no steroid: Suspected septic joint at sign-in (38.4 °C");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(patient.displayName())).click();
        page.getByLabel("What was done instead").fill("Aspirated 25 mL turbid fluid; sent for Gram stain and culture");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record what was done instead")).click();
        assertThat(page.locator("#done-instead")).containsText("Done instead: Aspirated 25 mL turbid fluid; sent for Gram "
                + "stain and culture (" + nurse.displayName() + ", ");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Procedure record")).click();
        assertThat(page.locator("#day-safety")).containsText("Observations at sign-in: 38.4 °C");
        assertThat(page.locator("#day-safety")).containsText("done instead: Aspirated 25 mL turbid fluid");

        outbox.sendDue(); // the scheduled send, which tests run only hourly
        List<String> recipients = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(
                        smtp.getReceivedMessages())
                .filter(m -> subject(m).startsWith("URGENT: suspected septic joint, " + patient.displayName()))
                .map(ProcedureDayBrowserTests::recipient).sorted().toList(), r -> r.size() == 2);
        assertThat(recipients).containsExactly("on-call@example.com", "test@example.com");
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
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
