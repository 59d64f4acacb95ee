package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.Guidance;
import org.synovia.testing.StatementCounter;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

/**
 * The freed-slot list reads the waiting patients who might take a freed slot, picked in SQL, not the whole list, and
 * audits only the patients it shows (ADR 0123): patients who cannot take any freed slot cost nothing and leave no
 * line in the audit trail.
 */
@SynoviaIntegrationTest
class FreedSlotsIntegrationTests {

    @Autowired FreedSlots freedSlots;
    @Autowired BookingDesk desk;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void readsAndAuditsOnlyThePatientsWhoMightTakeAFreedSlot() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        SchedulingFixtures.Clinic clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND,
                DayOfWeek.THURSDAY, LocalTime.of(14, 0), LocalTime.of(15, 0), List.of(20));
        UUID cancelling = waitingKnee(referrer, radiologist);
        UUID suited = waitingKnee(referrer, radiologist);
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest = List.of(cancelling, suited).stream().map(id -> waitingList.entry(id).orElseThrow().earliestDate())
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).filter(d -> d.isAfter(today)).orElse(today);
        AccountFixtures.signIn(clerk);
        Slot slot = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null,
                        BookingFixtures.ultrasoundKnee().slotMinutes(), earliest.plusDays(1), earliest.plusWeeks(3), null, null))
                .stream().filter(s -> s.roomId().equals(clinic.room().id())).findFirst().orElseThrow();
        desk.cancel(desk.book(cancelling, slot.id()).id(), "Patient is going abroad");

        // Waiting for the same guidance, but their latest date is past before the slot: no freed slot can be theirs.
        List<UUID> tooLate = new ArrayList<>();
        long atN = statementsOfTheList(clerk, tooLate, referrer, radiologist, 2);
        long at3N = statementsOfTheList(clerk, tooLate, referrer, radiologist, 4);
        assertThat(at3N).as("statements of the freed-slot list with 6 patients who cannot take it and with 2")
                .isEqualTo(atN);

        long newest = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        AccountFixtures.signIn(clerk);
        List<FreedSlot.Candidate> shown = freedSlots.freedSlots(100).stream().flatMap(f -> f.candidates().stream()).toList();
        // Not "contains(suited)": the suite's shared database holds other tests' waiting patients who suit the slot
        // as well and may come first on the list, so whether this one is among those shown depends on the order.
        assertThat(shown).extracting(FreedSlot.Candidate::referralId).doesNotContainAnyElementsOf(tooLate);
        List<UUID> audited = jdbc.sql("select record_id from audit_event where id > ? and username = ?")
                .params(newest, clerk.username()).query(String.class).list().stream().map(UUID::fromString).toList();
        assertThat(audited).as("one line for each patient shown, none for the others")
                .containsExactlyInAnyOrderElementsOf(shown.stream().map(FreedSlot.Candidate::referralId).distinct().toList())
                .doesNotContainAnyElementsOf(tooLate);
    }

    /** Adds {@code more} patients who cannot take the slot, then counts the statements of one view of the list. */
    private long statementsOfTheList(UserAccount clerk, List<UUID> tooLate, UserAccount referrer, UserAccount radiologist,
            int more) throws Exception {
        for (int i = 0; i < more; i++) {
            UUID referral = waitingKnee(referrer, radiologist);
            jdbc.sql("update waiting_list_entry set latest_date = ? where referral_id = ?")
                    .params(LocalDate.now(clock), referral).update();
            tooLate.add(referral);
        }
        AccountFixtures.signIn(clerk);
        return StatementCounter.countWarm(() -> freedSlots.freedSlots(100));
    }

    private UUID waitingKnee(UserAccount referrer, UserAccount radiologist) {
        return BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist, ReferralFixtures::kneeOnApixaban,
                BookingFixtures.ultrasoundKnee());
    }
}
