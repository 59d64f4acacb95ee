package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Operator;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.SessionTemplate;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

@SynoviaIntegrationTest
class SlotFinderIntegrationTests {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    @Autowired SlotFinder slotFinder;
    @Autowired Sessions sessions;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;
    @Autowired Referrals referrals;
    @Autowired Vetting vetting;
    @Autowired WaitingList waitingList;
    @Autowired Clock clock;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    /**
     * The patient's named operator works three weeks in a fluoroscopy room and in ultrasound slots too short for the
     * protocol, then in a fitting ultrasound room; the patient is away that room's first week. The slots that do not
     * fit outnumber what one search may examine, and they are never examined: the first fitting slot after the days
     * away is offered, and only offered slots reached the safety engine.
     */
    @Test
    void findsAFittingSlotAfterMoreNonFittingOpenSlotsThanOneSearchExamines() {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        AccountFixtures.signIn(clerk);
        LocalDate today = LocalDate.now(clock);
        LocalDate switchDay = today.plusWeeks(3);
        Operator named = SchedulingFixtures.operator(sessions, accounts, OperatorGrade.CONSULTANT, Set.of(),
                Guidance.ULTRASOUND, Guidance.FLUOROSCOPY);
        Room fluoroscopy = SchedulingFixtures.room(sessions, Guidance.FLUOROSCOPY);
        Room shortSlots = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
        Room fitting = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
        for (DayOfWeek day : WEEKDAYS) {
            sessions.addTemplate(new SessionTemplate(null, day, LocalTime.of(8, 0), LocalTime.of(13, 0), fluoroscopy.id(),
                    named.id(), List.of(20), false, today, switchDay.minusDays(1)));
            sessions.addTemplate(new SessionTemplate(null, day, LocalTime.of(13, 0), LocalTime.of(18, 0), shortSlots.id(),
                    named.id(), List.of(10), false, today, switchDay.minusDays(1)));
            sessions.addTemplate(new SessionTemplate(null, day, LocalTime.of(8, 0), LocalTime.of(13, 0), fitting.id(),
                    named.id(), List.of(20), false, switchDay, null));
        }
        long notFitting = sessions.slotsBetween(today, switchDay.minusDays(1)).stream()
                .filter(s -> s.operatorId().equals(named.id()) && !s.start().isBefore(clock.instant())).count();
        assertThat(notFitting).isGreaterThan(SlotFinder.MAX_SLOTS_CHECKED);

        UUID referralId = BookingFixtures.waiting(patients, referrals, vetting,
                AccountFixtures.create(accounts, Role.REFERRER), AccountFixtures.create(accounts, Role.RADIOLOGIST),
                ReferralFixtures::kneeOnApixaban,
                RecordCopies.with(BookingFixtures.ultrasoundKnee(), "namedOperator", named.username()));
        AccountFixtures.signIn(clerk);
        LocalDate backFromAway = switchDay.plusWeeks(1);
        waitingList.setUnavailability(referralId, switchDay, backFromAway.minusDays(1));

        SlotSearch search = slotFinder.search(referralId, 3);

        assertThat(search.offers()).hasSize(3).allSatisfy(offer -> {
            assertThat(offer.slot().roomId()).isEqualTo(fitting.id());
            assertThat(offer.start().toLocalDate()).isAfterOrEqualTo(backFromAway);
        });
        assertThat(search.offers().getFirst().start().toLocalDate()).isEqualTo(backFromAway);
        assertThat(search.offers().getFirst().start().toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(search.examined()).isEqualTo(3);
    }
}
