package org.synovia.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.booking.FreedSlot;
import org.synovia.booking.FreedSlotChooser;
import org.synovia.booking.FreedSlots;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

/**
 * A slot freed by a cancellation is put first to the patient the session planner chooses for it, with the planner's
 * reason, on the clerk's freed-slot list; the patient who gave it up can be left out of the choice.
 */
@SynoviaIntegrationTest
class FreedSlotChoiceIntegrationTests {

    @Autowired FreedSlots freedSlots;
    @Autowired BookingDesk desk;
    @Autowired FreedSlotChooser chooser;
    @Autowired PlanningProblems problems;
    @Autowired SessionPlanner planner;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void putsThePlannersChoiceFirstWithItsReason() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        UserAccount referrer = AccountFixtures.create(accounts, Role.REFERRER);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        AccountFixtures.signIn(clerk);
        SchedulingFixtures.Clinic clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND,
                DayOfWeek.FRIDAY, LocalTime.of(14, 0), LocalTime.of(15, 0), List.of(20));
        UUID cancelling = BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist,
                ReferralFixtures::kneeOnApixaban, BookingFixtures.ultrasoundKnee());
        BookingFixtures.waiting(patients, referrals, vetting, referrer, radiologist, ReferralFixtures::kneeOnApixaban,
                BookingFixtures.ultrasoundKnee());
        AccountFixtures.signIn(clerk);
        LocalDate earliest = waitingList.entry(cancelling).orElseThrow().earliestDate();
        LocalDate week = (earliest == null ? sessions.today() : earliest).plusWeeks(1);
        OpenSlot slot = problems.build(week, week.plusWeeks(1), List.of(clinic.room().id())).slots().getFirst();
        Appointment appointment = desk.book(cancelling, slot.slotId());
        desk.cancel(appointment.id(), "Patient is going abroad");

        FreedSlot freed = freedSlots.freedSlots(5).stream().filter(f -> f.slot().id().equals(slot.slotId())).findFirst()
                .orElseThrow();
        Placement expected = planner.bestFor(slot, problems.forSlots(List.of(slot.slotId()), null)).orElseThrow();

        assertThat(freed.candidates()).isNotEmpty();
        assertThat(freed.candidates().getFirst().referralId()).isEqualTo(expected.patient().referralId());
        assertThat(freed.candidates().getFirst().choiceReason()).isEqualTo(expected.reason()).isNotBlank();
        assertThat(freed.candidates().stream().skip(1)).allSatisfy(c -> assertThat(c.choiceReason()).isNull());
        var withoutTheCancelling = chooser.choose(List.of(slot.slotId()), cancelling).get(slot.slotId());
        assertThat(withoutTheCancelling).as("the other waiting patient suits the slot").isNotNull();
        assertThat(withoutTheCancelling.referralId()).isNotEqualTo(cancelling);
    }
}
