package org.synovia.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.shared.Guidance;

/** A session of several targets is offered only with an operator competent for every one of them (HAZ-86). */
@SynoviaIntegrationTest
class SlotsForSeveralTargetsIntegrationTests {

    @Autowired
    Sessions sessions;

    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void signIn() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.BOOKING));
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void offersASessionOfAKneeAndABursaOnlyWithAnOperatorCompetentForBoth() {
        LocalDate thursday = sessions.today().plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        Room kneeOnlyRoom = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
        Room bothRoom = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
        Room anyRoom = SchedulingFixtures.room(sessions, Guidance.ULTRASOUND);
        Operator kneeOnly = SchedulingFixtures.operator(sessions, accounts, OperatorGrade.CONSULTANT, Set.of("KNEE_JOINT"),
                Guidance.ULTRASOUND);
        Operator kneeAndBursa = SchedulingFixtures.operator(sessions, accounts, OperatorGrade.CONSULTANT,
                Set.of("KNEE_JOINT", "TROCHANTERIC_BURSA"), Guidance.ULTRASOUND);
        Operator everySite = SchedulingFixtures.operator(sessions, accounts, OperatorGrade.CONSULTANT, Set.of(),
                Guidance.ULTRASOUND);
        for (var pair : List.of(List.of(kneeOnlyRoom.id(), kneeOnly.id()), List.of(bothRoom.id(), kneeAndBursa.id()),
                List.of(anyRoom.id(), everySite.id()))) {
            sessions.addTemplate(new SessionTemplate(null, DayOfWeek.THURSDAY, LocalTime.of(7, 0), LocalTime.of(7, 30),
                    pair.get(0), pair.get(1), List.of(30), false, thursday, thursday));
        }

        List<java.util.UUID> kneeAlone = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null, null, 30,
                thursday, thursday, null, null)).stream().map(Slot::roomId).toList();
        List<java.util.UUID> kneeAndItsBursa = sessions.openSlots(new SlotQuery(Guidance.ULTRASOUND, "KNEE_JOINT", null,
                null, 30, thursday, thursday, null, null, Set.of("TROCHANTERIC_BURSA"))).stream().map(Slot::roomId).toList();

        assertThat(kneeAlone).contains(kneeOnlyRoom.id(), bothRoom.id(), anyRoom.id());
        assertThat(kneeAndItsBursa).contains(bothRoom.id(), anyRoom.id()).doesNotContain(kneeOnlyRoom.id());
    }
}
