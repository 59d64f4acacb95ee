package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.diary.DiaryJobs;
import org.synovia.diary.DiaryFixtures;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.referral.Referrals;
import org.synovia.vetting.Vetting;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The referrer's view after the report (#17): the report is signed, then amended, and the diary summary sent; the
 * referrer's home page lists each as new, and the referral page shows the appointment, both report versions to
 * open as PDF and the diary summary. Once seen, nothing is new any more.
 */
class ReferrerViewBrowserTests extends BrowserJourney {

    @Autowired org.springframework.context.ApplicationContext context;

    @Autowired UserAccounts accounts;
    @Autowired Clock clock;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired ProcedureRecords procedureRecords;
    @Autowired DiaryJobs diaryJobs;
    @Autowired JdbcClient jdbc;

    @Test
    void theReferrerSeesTheAppointmentTheSignedAndAmendedReportsAndTheDiarySummary() {
        var fixtures = DiaryFixtures.of(context);
        Appointment appointment = fixtures.therapeuticKnee();
        String referrer = jdbc.sql("select submitted_by from referral where id = ?").param(appointment.referralId())
                .query(String.class).single();

        Page page = browser.signedIn(referrer, AccountFixtures.PASSWORD);
        Locator news = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("New on your referrals"));
        assertThat(news).containsText("Report signed");
        assertThat(news).containsText("Appointment booked");

        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.RADIOLOGIST));
        procedureRecords.addAddendum(appointment.id(), "Effusion aspirated before the injection: 10 mL, clear.", "omitted at signing");
        AccountFixtures.signOut();
        fixtures.injectedAgo(appointment.id(), Duration.ofDays(84).plusHours(1));
        diaryJobs.sendSummaries(clock.instant());

        page.reload();
        assertThat(news.getByRole(AriaRole.LISTITEM).first()).containsText("Diary summary sent");
        assertThat(news).containsText("Report amended");
        news.getByRole(AriaRole.LINK).first().click();

        Locator journey = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Your patient's journey"));
        java.time.Instant start = jdbc.sql("select lower(during) from appointment where id = ?").param(appointment.id())
                .query(java.sql.Timestamp.class).single().toInstant(); // the fixtures moved it to start now
        String day = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm", Locale.UK).format(start.atZone(clock.getZone()));
        assertThat(journey.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Appointments"))).containsText(day);
        Locator reports = journey.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Reports"));
        assertThat(reports.getByRole(AriaRole.LINK)).hasText(new String[] {"Procedure report (PDF)", "Amended report (version 2) (PDF)"});
        assertThat(journey).containsText("Diary summary with the pain chart (PDF)");
        checkAccessibility(page);

        String amendedUrl = reports.getByRole(AriaRole.LINK).nth(1).getAttribute("href");
        APIResponse pdf = page.request().get(browser.url(amendedUrl));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Synovia").setExact(true)).click();
        assertThat(page.getByText("Nothing new since you last looked.")).isVisible();
    }
}
