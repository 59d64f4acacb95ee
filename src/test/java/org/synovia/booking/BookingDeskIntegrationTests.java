package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures.Clinic;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.testing.FixedStartClock;
import org.synovia.testing.StatementCounter;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;

/**
 * The clerk's desk: booking from a chosen day (across the spring clock change), the week calendar, the appointments
 * list with names and procedures, and calling a whole session off and rebooking its patients.
 */
@SynoviaIntegrationTest
class BookingDeskIntegrationTests {

    /** The Sunday the clocks go forward in London in 2027 (01:00 GMT becomes 02:00 BST). */
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2027, 3, 28);

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired Bookings bookings;
    @Autowired BookingDesk desk;
    @Autowired SlotFinder slotFinder;
    @Autowired SessionCancellations cancellations;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired JdbcClient jdbc;

    UserAccount clerk;
    UserAccount referrer;
    UserAccount radiologist;

    @BeforeEach
    void accounts() {
        clerk = AccountFixtures.create(accounts, Role.BOOKING);
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void searchesFromTheChosenDayOnBothSidesOfTheSpringClockChange() {
        AccountFixtures.signIn(clerk);
        Clinic sunday = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.SUNDAY,
                LocalTime.of(6, 10), LocalTime.of(6, 30), List.of(20));
        Clinic saturday = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.SATURDAY,
                LocalTime.of(6, 10), LocalTime.of(6, 30), List.of(20));
        UUID referralId = waiting();
        AccountFixtures.signIn(clerk);

        DatedSlotSearch onTheDay = slotFinder.searchFrom(referralId, 12, SPRING_FORWARD);
        assertThat(onTheDay.chosenTooEarly()).isFalse();
        // Slots exist as far as the booking horizon, a little over a week past the change.
        assertThat(onTheDay.search().offers()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.start().toLocalDate()).isAfterOrEqualTo(SPRING_FORWARD));
        // The session keeps its wall-clock time on the day the clocks change: 06:10 BST is 05:10 UTC. (Early in the
        // day, so that the other tests' clinics in a full run do not fill the first 12 offers before it.)
        assertThat(onTheDay.search().offers()).filteredOn(o -> o.slot().roomId().equals(sunday.room().id())).first()
                .satisfies(o -> {
                    assertThat(o.start()).isEqualTo(LocalDateTime.of(SPRING_FORWARD, LocalTime.of(6, 10)));
                    assertThat(o.slot().start()).isEqualTo(java.time.Instant.parse("2027-03-28T05:10:00Z"));
                });

        DatedSlotSearch dayBefore = slotFinder.searchFrom(referralId, 12, SPRING_FORWARD.minusDays(1));
        assertThat(dayBefore.search().offers()).filteredOn(o -> o.slot().roomId().equals(saturday.room().id())).first()
                .satisfies(o -> {
                    assertThat(o.start()).isEqualTo(LocalDateTime.of(SPRING_FORWARD.minusDays(1), LocalTime.of(6, 10)));
                    assertThat(o.slot().start()).isEqualTo(java.time.Instant.parse("2027-03-27T06:10:00Z"));
                });
        assertThat(dayBefore.search().offers().getFirst().start().toLocalDate()).isEqualTo(SPRING_FORWARD.minusDays(1));

        DatedSlotSearch dayAfter = slotFinder.searchFrom(referralId, 12, SPRING_FORWARD.plusDays(1));
        assertThat(dayAfter.search().offers()).allSatisfy(o -> assertThat(o.start().toLocalDate()).isAfter(SPRING_FORWARD));
    }

    @Test
    void refusesADayBeforeTheEarliestAndSaysWhyThenOffersTheEarliest() throws Exception {
        AccountFixtures.signIn(clerk);
        SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.WEDNESDAY, LocalTime.of(9, 30),
                LocalTime.of(9, 50), List.of(20));
        UUID referralId = waiting();
        AccountFixtures.signIn(clerk);
        LocalDate today = bookings.today();

        DatedSlotSearch early = slotFinder.searchFrom(referralId, 12, today.minusDays(3));
        assertThat(early.chosenTooEarly()).isTrue();
        assertThat(early.earliest()).isAfterOrEqualTo(today);
        assertThat(early.searchedFrom()).isEqualTo(early.earliest());
        assertThat(early.earliestReason()).isNotBlank();
        assertThat(early.search().offers()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.start().toLocalDate()).isAfterOrEqualTo(early.earliest()));

        String page = mvc.perform(get("/bookings/referral/{id}", referralId).param("from", today.minusDays(3).toString())
                        .with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("is before the earliest date this patient can be booked")
                .contains("Showing the first slots from").contains("id=\"too-early\"");
        mvc.perform(get("/bookings/referral/{id}", referralId).param("from", "not-a-date")
                .with(user(clerk.username()).roles("BOOKING"))).andExpect(status().is4xxClientError());
    }

    @Test
    void showsTheWeekByRoomAndBooksAFreeSlotFromIt() throws Exception {
        AccountFixtures.signIn(clerk);
        Clinic clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.THURSDAY,
                LocalTime.of(12, 0), LocalTime.of(12, 40), List.of(20, 20));
        UUID referralId = waiting();
        AccountFixtures.signIn(clerk);
        LocalDate thursday = bookings.today().plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        Slot first = sessionSlots(clinic, thursday).getFirst();

        String before = calendar(thursday, referralId);
        assertThat(before).contains(clinic.room().name()).contains(first.id().toString())
                .contains("Book 12:00").contains("Book 12:20");

        mvc.perform(post("/bookings/referral/{id}", referralId).param("slotId", first.id().toString())
                        .with(user(clerk.username()).roles("BOOKING")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        WaitingListEntry entry = waitingList.entry(referralId).orElseThrow();
        String after = calendar(thursday, null);
        String familyName = entry.patientName().substring(0, entry.patientName().indexOf(','));
        assertThat(after).containsIgnoringCase(familyName).contains(entry.siteName()).contains("12:20–12:40");
        String nurses = mvc.perform(get("/bookings/calendar").param("week", thursday.toString())
                        .param("referral", referralId.toString()).with(user("nurse").roles("NURSE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(nurses).containsIgnoringCase(familyName).doesNotContain("Book 12:20");
        mvc.perform(get("/bookings/calendar").with(user("referrer").roles("REFERRER"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/appointments").param("from", thursday.toString()).param("to", thursday.toString())
                        .with(user(clerk.username()).roles("BOOKING"))).andReturn().getResponse().getContentAsString())
                .containsIgnoringCase(familyName).contains(entry.siteName()).contains(clinic.room().name());
    }

    @Test
    void runsAsManyStatementsForTheCalendarAndTheListWithThreeTimesTheBookings() throws Exception {
        AccountFixtures.signIn(clerk);
        Clinic clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.FRIDAY,
                LocalTime.of(14, 0), LocalTime.of(16, 0), List.of(20, 20, 20, 20, 20, 20));
        LocalDate friday = bookings.today().plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        List<Slot> slots = sessionSlots(clinic, friday);
        List<UUID> booked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID referralId = waiting();
            AccountFixtures.signIn(clerk);
            booked.add(desk.book(referralId, slots.get(i).id()).id());
            if (i == 1) {
                long calendarAtN = StatementCounter.countWarm(() -> calendar(friday, null));
                long listAtN = StatementCounter.countWarm(() -> list(friday));
                for (int j = 2; j < 6; j++) {
                    UUID next = waiting();
                    AccountFixtures.signIn(clerk);
                    booked.add(desk.book(next, slots.get(j).id()).id());
                }
                String calendar = calendar(friday, null);
                String list = list(friday);
                booked.forEach(id -> assertThat(calendar).contains("/appointments/" + id));
                booked.forEach(id -> assertThat(list).contains("/appointments/" + id));
                assertThat(booked).hasSize(6);
                assertThat(StatementCounter.countWarm(() -> calendar(friday, null))).isEqualTo(calendarAtN);
                assertThat(StatementCounter.countWarm(() -> list(friday))).isEqualTo(listAtN);
                return;
            }
        }
    }

    @Test
    void cancelsASessionReturnsEachPatientWithTheirWaitAndRebooksThemElsewhere() throws Exception {
        AccountFixtures.signIn(clerk);
        Clinic ill = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.TUESDAY,
                LocalTime.of(17, 0), LocalTime.of(17, 40), List.of(20, 20));
        LocalDate tuesday = bookings.today().plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        List<Slot> slots = sessionSlots(ill, tuesday);
        Map<UUID, LocalDate> clockStarts = new LinkedHashMap<>();
        List<UUID> appointments = new ArrayList<>();
        for (Slot slot : slots) {
            UUID referralId = waiting();
            AccountFixtures.signIn(clerk);
            appointments.add(desk.book(referralId, slot.id()).id());
            clockStarts.put(referralId, waitingList.entry(referralId).orElseThrow().clockStart());
        }

        String list = mvc.perform(get("/bookings/session/{t}/{day}", ill.template().id(), tuesday)
                        .with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        clockStarts.keySet().forEach(referralId -> assertThat(list)
                .containsIgnoringCase(waitingList.entry(referralId).orElseThrow().patientName().replaceAll(",.*", "")));
        assertThat(list).contains("Cancel the whole session").contains("Print the session list");
        mvc.perform(post("/bookings/session/{t}/{day}/cancel", ill.template().id(), tuesday).param("reason", "")
                        .with(user(clerk.username()).roles("BOOKING")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"reason-error\"")));
        AccountFixtures.signIn(clerk);
        assertThatThrownBy(() -> cancellations.cancelSession(ill.template().id(), tuesday, " "))
                .isInstanceOf(InvalidInputException.class);
        var cancelled = cancellations.cancelSession(ill.template().id(), tuesday, "Operator ill");

        assertThat(cancelled).hasSize(2).allSatisfy(o -> assertThat(o.done()).isTrue());
        assertThat(cancelled).extracting(SessionCancellations.PatientOutcome::referralId)
                .containsExactlyElementsOf(clockStarts.keySet());
        appointments.forEach(id -> assertThat(bookings.appointment(id).status()).isEqualTo(AppointmentStatus.CANCELLED));
        clockStarts.forEach((referralId, clockStart) -> assertThat(waitingList.entry(referralId).orElseThrow().clockStart())
                .isEqualTo(clockStart));
        assertThat(sessionSlots(ill, tuesday)).allSatisfy(s -> assertThat(s.withdrawnReason()).contains("Operator ill"));
        UUID[] patientIds = appointments.stream().map(id -> bookings.appointment(id).patientId()).toArray(UUID[]::new);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from outbound_email where purpose = 'appointment-cancelled' and patient_id = any(?)")
                .param(patientIds).query(Long.class).single() == 2);

        var proposals = cancellations.proposals(List.copyOf(clockStarts.keySet()));
        assertThat(proposals).hasSize(2).allSatisfy(p -> {
            assertThat(p.offer()).isNotNull();
            assertThat(p.offer().slot().templateId()).isNotEqualTo(ill.template().id());
        });
        assertThat(proposals.get(0).offer().slot().id()).isNotEqualTo(proposals.get(1).offer().slot().id());
        Map<UUID, UUID> accepted = new LinkedHashMap<>();
        proposals.forEach(p -> accepted.put(p.referralId(), p.offer().slot().id()));
        var rebooked = cancellations.rebook(accepted);
        assertThat(rebooked).hasSize(2).allSatisfy(o -> assertThat(o.done()).isTrue());
        accepted.forEach((referralId, slotId) -> assertThat(bookings.forReferral(referralId))
                .filteredOn(Appointment::active).singleElement().satisfies(a -> assertThat(a.slotId()).isEqualTo(slotId)));
    }

    @Test
    void reportsEachPatientOfABulkRebookAndKeepsTheOthersWhenOneSlotIsTaken() throws Exception {
        AccountFixtures.signIn(clerk);
        Clinic clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.MONDAY,
                LocalTime.of(18, 0), LocalTime.of(18, 20), List.of(20));
        LocalDate monday = bookings.today().plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Slot slot = sessionSlots(clinic, monday).getFirst();
        UUID first = waiting();
        UUID second = waiting();
        AccountFixtures.signIn(clerk);

        String page = mvc.perform(post("/bookings/rebook").param("referral", first.toString(), second.toString())
                        .param("slot", slot.id().toString(), slot.id().toString())
                        .param("accept", first.toString(), second.toString())
                        .with(user(clerk.username()).roles("BOOKING")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("1 of 2 patients booked").contains("Not booked: " + BookingDesk.SLOT_TAKEN);
        assertThat(bookings.forReferral(first)).singleElement().satisfies(a -> assertThat(a.slotId()).isEqualTo(slot.id()));
        assertThat(bookings.forReferral(second)).isEmpty();
        mvc.perform(post("/bookings/rebook").param("referral", first.toString()).with(user(clerk.username()).roles("BOOKING"))
                .with(csrf())).andExpect(status().isBadRequest());
    }

    private UUID waiting() {
        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        return referralId;
    }

    private List<Slot> sessionSlots(Clinic clinic, LocalDate day) {
        return sessions.slotsOf(clinic.template().id(), day.atStartOfDay(FixedStartClock.LONDON).toInstant(),
                day.plusDays(1).atStartOfDay(FixedStartClock.LONDON).toInstant());
    }

    private String calendar(LocalDate week, UUID referralId) throws Exception {
        var request = get("/bookings/calendar").param("week", week.toString()).with(user(clerk.username()).roles("BOOKING"));
        if (referralId != null) {
            request.param("referral", referralId.toString());
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String list(LocalDate day) throws Exception {
        return mvc.perform(get("/appointments").param("from", day.toString()).param("to", day.toString())
                        .with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
