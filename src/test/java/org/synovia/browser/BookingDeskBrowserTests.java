package org.synovia.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.Bookings;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures.Clinic;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.shared.Guidance;
import org.synovia.testing.FixedStartClock;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The clerk's desk in Chromium: booking a patient on a chosen date through the date picker and the week calendar,
 * and calling a session off when its operator is ill, then rebooking its patients in one go.
 */
class BookingDeskBrowserTests extends BrowserJourney {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired Sessions sessions;
    @Autowired WaitingList waitingList;
    @Autowired Bookings bookings;
    @Autowired BookingDesk desk;
    @Test
    void clerkBooksAPatientOnAChosenDateFromTheWeekCalendar() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        Clinic clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.THURSDAY,
                LocalTime.of(11, 0), LocalTime.of(11, 40), List.of(20, 20));
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        String name = waitingList.entry(referralId).orElseThrow().patientName();
        LocalDate chosen = bookings.today().plusWeeks(4).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        AccountFixtures.signOut();

        Page page = browser.signedIn(clerk.username(), AccountFixtures.PASSWORD);
        BrowserSession.waitingListRow(page, name)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Book " + name)).click();
        page.getByLabel("Slots on or after").fill(chosen.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the next 12 slots")).click();
        assertThat(page.getByText("The first slots from " + chosen.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))))
                .isVisible();
        assertThat(page.getByRole(AriaRole.ROW).nth(1)).containsText(chosen.format(SHORT_DAY));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the week as a calendar")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Week of "))).isVisible();
        Locator room = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(clinic.room().name()));
        room.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Book " + name + " on " + chosen.format(DAY) + " at 11:20 in " + clinic.room().name())).click();

        assertThat(page.getByText("Booked.", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        assertThat(page.locator("dd").first()).containsText(chosen.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK)) + ", 11:20");
        AccountFixtures.signIn(clerk);
        assertThat(bookings.forReferral(referralId)).singleElement()
                .satisfies(a -> assertThat(a.slotId()).isEqualTo(slots(clinic, chosen).get(1).id()));
    }

    @Test
    void clerkCancelsASessionWhoseOperatorIsIllAndRebooksItsPatientsInOneGo() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        Clinic ill = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.FRIDAY,
                LocalTime.of(19, 0), LocalTime.of(19, 40), List.of(20, 20));
        SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.SATURDAY,
                LocalTime.of(19, 0), LocalTime.of(19, 40), List.of(20, 20));
        LocalDate friday = bookings.today().plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        List<Slot> slots = slots(ill, friday);
        List<UUID> referralIds = new java.util.ArrayList<>();
        for (Slot slot : slots) {
            UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                    ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
            AccountFixtures.signIn(clerk);
            desk.book(referralId, slot.id());
            referralIds.add(referralId);
        }
        String first = waitingList.entry(referralIds.get(0)).orElseThrow().patientName();
        String second = waitingList.entry(referralIds.get(1)).orElseThrow().patientName();
        AccountFixtures.signOut();

        Page page = browser.signedIn(clerk.username(), AccountFixtures.PASSWORD);
        page.navigate(browser.url("/bookings/calendar?week=" + friday));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Session list for " + ill.room().name() + " on " + friday.format(DAY))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Session list: "))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Print the session list"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel the session and its appointments")).click();
        assertThat(page.getByText("Say why the session is cancelled")).isVisible();
        page.getByLabel("Why the session is cancelled").fill("Operator ill");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel the session and its appointments")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Session cancelled: 2 of 2 appointments cancelled")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(first))).isVisible();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(second))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book all ticked patients")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("2 of 2 patients booked"))).isVisible();
        assertThat(page.getByText("Nobody is left to rebook.")).isVisible();
        AccountFixtures.signIn(clerk);
        for (UUID referralId : referralIds) {
            List<Appointment> all = bookings.forReferral(referralId);
            assertThat(all).hasSize(2);
            assertThat(all.get(0).endReason()).isEqualTo("session cancelled: Operator ill");
            assertThat(all.get(1).active()).isTrue();
            assertThat(slots.stream().map(Slot::id)).doesNotContain(all.get(1).slotId());
        }
    }

    private List<Slot> slots(Clinic clinic, LocalDate day) {
        return sessions.slotsOf(clinic.template().id(), day.atStartOfDay(FixedStartClock.LONDON).toInstant(),
                day.plusDays(1).atStartOfDay(FixedStartClock.LONDON).toInstant());
    }
}
