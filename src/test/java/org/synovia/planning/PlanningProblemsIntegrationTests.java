package org.synovia.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.UserAccounts;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingFixtures;
import org.synovia.patient.Patients;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.SchedulingFixtures.Clinic;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.testing.StatementCounter;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

/**
 * The planning problem is read in the same number of SQL statements for 9 waiting patients as for 3, and holds what
 * booking would check: the accepted protocol's length and grade, the entry's window, and only free slots.
 */
@SynoviaIntegrationTest
class PlanningProblemsIntegrationTests {

    @Autowired PlanningProblems problems;
    @Autowired BookingDesk desk;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;

    BookingFixtures.Staff staff;

    @BeforeEach
    void setUp() {
        staff = BookingFixtures.Staff.of(accounts);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    private UUID waitingKnee() {
        return staff.waitingKnee(patients, referrals, vetting);
    }

    private List<UUID> waitingKnees(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(waitingKnee());
        }
        return ids;
    }

    @Test
    void readsTheProblemInAFixedNumberOfStatementsHoweverManyWait() throws Exception {
        AccountFixtures.signIn(staff.clerk());
        Clinic clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.WEDNESDAY,
                LocalTime.of(9, 0), LocalTime.of(12, 0), List.of(20));
        LocalDate first = sessions.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate last = first.plusWeeks(2).minusDays(1);
        List<UUID> few = waitingKnees(3);

        AtomicReference<PlanningProblem> small = new AtomicReference<>();
        long forFew = StatementCounter.count(() -> small.getAndSet(problems.build(first, last, List.of(clinic.room().id()))));
        waitingKnees(6);
        AtomicReference<PlanningProblem> large = new AtomicReference<>();
        long forMany = StatementCounter.count(() -> large.getAndSet(problems.build(first, last, List.of(clinic.room().id()))));

        assertThat(large.get().patients().size()).isGreaterThanOrEqualTo(small.get().patients().size() + 6);
        assertThat(forMany).isEqualTo(forFew);
        assertThat(forFew).isLessThanOrEqualTo(16);
        assertThat(large.get().slots()).hasSize(2 * 9);
        WaitingPatient patient = large.get().patients().stream().filter(p -> p.referralId().equals(few.getFirst()))
                .findFirst().orElseThrow();
        assertThat(patient.minutes()).isEqualTo(20);
        assertThat(patient.operatorGrade()).isEqualTo("CONSULTANT");
        assertThat(patient.siteCodes()).containsExactly("KNEE_JOINT");
        assertThat(patient.earliest()).isEqualTo(waitingList.entry(few.getFirst()).orElseThrow().earliestDate());
    }

    @Test
    void leavesOutSlotsAlreadyBooked() {
        AccountFixtures.signIn(staff.clerk());
        Clinic clinic = SchedulingFixtures.clinic(sessions, accounts, Guidance.ULTRASOUND, DayOfWeek.THURSDAY,
                LocalTime.of(9, 0), LocalTime.of(10, 0), List.of(20));
        LocalDate first = sessions.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        LocalDate last = first.plusWeeks(1).minusDays(1);
        UUID referralId = waitingKnee();
        PlanningProblem before = problems.build(first, last, List.of(clinic.room().id()));
        OpenSlot booked = before.slots().getFirst();

        desk.book(referralId, booked.slotId());
        PlanningProblem after = problems.build(first, last, List.of(clinic.room().id()));

        assertThat(before.slots()).hasSize(3);
        assertThat(after.slots()).extracting(OpenSlot::slotId).hasSize(2).doesNotContain(booked.slotId());
        assertThat(after.patients()).extracting(WaitingPatient::referralId).doesNotContain(referralId);
        assertThat(booked.operatorGuidance()).contains(Guidance.ULTRASOUND);
        assertThat(booked.roomName()).isEqualTo(clinic.room().name());
    }
}
