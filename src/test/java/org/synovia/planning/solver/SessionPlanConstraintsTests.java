package org.synovia.planning.solver;

import static org.synovia.planning.PlanningFixtures.DR_OKAFOR;
import static org.synovia.planning.PlanningFixtures.DR_PATEL;
import static org.synovia.planning.PlanningFixtures.SONOGRAPHER_HUGHES;
import static org.synovia.planning.PlanningFixtures.TODAY;
import static org.synovia.planning.PlanningFixtures.patient;
import static org.synovia.planning.PlanningFixtures.slot;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.synovia.planning.OpenSlot;
import org.synovia.planning.WaitingPatient;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.shared.Guidance;
import org.synovia.waitinglist.Priority;

/** One test per constraint of the session plan, on hand-made assignments; no solving. */
class SessionPlanConstraintsTests {

    private static final LocalDateTime MONDAY_18_JAN = LocalDateTime.of(2027, 1, 18, 9, 0);
    private static final LocalDateTime MONDAY_25_JAN = LocalDateTime.of(2027, 1, 25, 9, 0);
    /** The last day with a slot in these tests' plans. */
    private static final LocalDate HORIZON_END = MONDAY_25_JAN.toLocalDate();

    private final ConstraintVerifier<SessionPlanConstraints, WaitingListSchedule> verifier = ConstraintVerifier
            .build(new SessionPlanConstraints(), WaitingListSchedule.class, PatientAssignment.class);

    private final OpenSlot ultrasound = slot("US Mon 18", MONDAY_18_JAN).build();
    private final OpenSlot laterUltrasound = slot("US Mon 25", MONDAY_25_JAN).build();
    private int nextId;

    @Test
    void penalisesWrongRoomGuidanceAndOperatorNotCompetentForEverySite() {
        OpenSlot kneesAndShouldersOnly = slot("US knees", MONDAY_18_JAN.plusHours(1))
                .operatorGuidance(EnumSet.of(Guidance.ULTRASOUND), Set.of("KNEE", "SHOULDER")).build();
        WaitingPatient fluoroscopyHip = patient("Fluoro hip").guidance(Guidance.FLUOROSCOPY, "HIP").build();
        WaitingPatient kneeAndHip = patient("Knee and hip").guidance(Guidance.ULTRASOUND, "KNEE", "HIP").build();
        WaitingPatient knee = patient("Knee").build();
        verifier.verifyThat(SessionPlanConstraints::rightGuidance)
                .given(placed(fluoroscopyHip, ultrasound), placed(kneeAndHip, kneesAndShouldersOnly),
                        placed(knee, kneesAndShouldersOnly))
                .penalizesBy(2);
    }

    @Test
    void penalisesAGradeBelowTheOneVettingAskedFor() {
        OpenSlot sonographer = slot("Sonographer list", MONDAY_18_JAN)
                .operator(SONOGRAPHER_HUGHES, "Gail Hughes", OperatorGrade.SONOGRAPHER).build();
        WaitingPatient wantsConsultant = patient("Wants consultant").grade(OperatorGrade.CONSULTANT).build();
        WaitingPatient wantsSonographer = patient("Wants sonographer").grade(OperatorGrade.SONOGRAPHER).build();
        WaitingPatient wantsSonographerGetsConsultant = patient("Any").grade(OperatorGrade.SONOGRAPHER).build();
        verifier.verifyThat(SessionPlanConstraints::operatorGrade)
                .given(placed(wantsConsultant, sonographer), placed(wantsSonographer, sonographer),
                        placed(wantsSonographerGetsConsultant, ultrasound))
                .penalizesBy(1);
    }

    @Test
    void penalisesAnotherOperatorThanTheOneVettingNamed() {
        OpenSlot okafor = slot("Okafor list", MONDAY_18_JAN).operator(DR_OKAFOR, "Dr Okafor", OperatorGrade.CONSULTANT)
                .build();
        WaitingPatient namedPatel = patient("Named Patel").namedOperator(DR_PATEL).build();
        verifier.verifyThat(SessionPlanConstraints::namedOperator)
                .given(placed(namedPatel, okafor)).penalizesBy(1);
        verifier.verifyThat(SessionPlanConstraints::namedOperator)
                .given(placed(namedPatel, ultrasound)).hasNoImpact();
    }

    @Test
    void penalisesASlotShorterThanTheProtocolButCountsTheFollowingSlotForOneStop() {
        OpenSlot injection = slot("Injection", MONDAY_18_JAN.plusMinutes(20)).build();
        OpenSlot consultation = slot("Consultation", MONDAY_18_JAN).oneStopWith(injection).build();
        WaitingPatient thirtyMinutes = patient("Thirty").minutes(30).build();
        WaitingPatient twentyMinutes = patient("Twenty").minutes(20).build();
        WaitingPatient oneStopForty = patient("One-stop forty").minutes(40).oneStop().build();
        verifier.verifyThat(SessionPlanConstraints::longEnough)
                .given(placed(thirtyMinutes, ultrasound, ultrasound), placed(twentyMinutes, ultrasound, ultrasound),
                        placed(oneStopForty, consultation, consultation, injection))
                .penalizesBy(1);
    }

    @Test
    void penalisesADayBeforeTheEarliestSafeDayOnly() {
        WaitingPatient onHoldUntilTheNineteenth = patient("Apixaban hold").earliest(LocalDate.of(2027, 1, 19)).build();
        WaitingPatient safeFromTheEighteenth = patient("Safe from 18").earliest(LocalDate.of(2027, 1, 18)).build();
        verifier.verifyThat(SessionPlanConstraints::notBeforeEarliest)
                .given(placed(onHoldUntilTheNineteenth, ultrasound), placed(safeFromTheEighteenth, ultrasound))
                .penalizesBy(1);
    }

    @Test
    void penalisesADayAfterTheLatestDayOnly() {
        WaitingPatient knee = patient("Knee replacement on 25th").latest(LocalDate.of(2027, 1, 24)).build();
        WaitingPatient lastDayIsTheEighteenth = patient("Latest 18").latest(LocalDate.of(2027, 1, 18)).build();
        verifier.verifyThat(SessionPlanConstraints::notAfterLatest)
                .given(placed(knee, laterUltrasound), placed(lastDayIsTheEighteenth, ultrasound))
                .penalizesBy(1);
    }

    @Test
    void penalisesTheFirstAndLastDayAwayButNotTheDayAfter() {
        WaitingPatient awayFromTheEighteenth = patient("Away 18-25").away(LocalDate.of(2027, 1, 18), LocalDate.of(2027, 1, 25))
                .build();
        WaitingPatient awayUntilTheSeventeenth = patient("Away to 17").away(LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 17))
                .build();
        verifier.verifyThat(SessionPlanConstraints::notOnUnavailableDay)
                .given(placed(awayFromTheEighteenth, ultrasound), placed(awayFromTheEighteenth, laterUltrasound),
                        placed(awayUntilTheSeventeenth, ultrasound))
                .penalizesBy(2);
    }

    @Test
    void penalisesEveryPairSharingASlot() {
        verifier.verifyThat(SessionPlanConstraints::onePatientPerSlot)
                .given(placed(patient("A").build(), ultrasound), placed(patient("B").build(), ultrasound),
                        placed(patient("C").build(), ultrasound), placed(patient("D").build(), laterUltrasound))
                .penalizesBy(3);
    }

    @Test
    void penalisesAnotherPatientInTheSlotAOneStopPatientGoesOnTo() {
        OpenSlot injection = slot("Injection", MONDAY_18_JAN.plusMinutes(20)).build();
        OpenSlot consultation = slot("Consultation", MONDAY_18_JAN).oneStopWith(injection).build();
        WaitingPatient oneStop = patient("One-stop").minutes(40).oneStop().build();
        verifier.verifyThat(SessionPlanConstraints::oneStopFollowingSlotFree)
                .given(placed(oneStop, consultation, consultation, injection),
                        placed(patient("Injection only").build(), injection, consultation, injection))
                .penalizesBy(1);
        verifier.verifyThat(SessionPlanConstraints::oneStopFollowingSlotFree)
                .given(placed(oneStop, consultation, consultation, injection),
                        placed(patient("Elsewhere").build(), ultrasound, consultation, injection, ultrasound))
                .hasNoImpact();
    }

    @Test
    void penalisesAOneStopPatientOutsideAOneStopPairOrWhenTheFollowingSlotIsNotOpen() {
        OpenSlot injection = slot("Injection", MONDAY_18_JAN.plusMinutes(20)).build();
        OpenSlot consultation = slot("Consultation", MONDAY_18_JAN).oneStopWith(injection).build();
        OpenSlot followingTaken = slot("Consultation, injection booked", MONDAY_25_JAN)
                .oneStopWith(java.util.UUID.nameUUIDFromBytes("booked".getBytes())).build();
        WaitingPatient oneStop = patient("One-stop").minutes(40).oneStop().build();
        verifier.verifyThat(SessionPlanConstraints::oneStopPair)
                .given(placed(oneStop, ultrasound, ultrasound), placed(oneStop, followingTaken, followingTaken),
                        placed(oneStop, consultation, consultation, injection))
                .penalizesBy(2);
    }

    @Test
    void weighsBreachesByPriorityCountingUnplacedPatientsOnlyWhenTheBreachDateFallsInTheHorizon() {
        WaitingPatient urgentPlacedLate = patient("Urgent late").priority(Priority.URGENT)
                .waitingSince(TODAY.minusDays(10), LocalDate.of(2027, 1, 24)).build();
        WaitingPatient soonPlacedOnBreachDay = patient("Soon on the day").priority(Priority.SOON)
                .waitingSince(TODAY.minusWeeks(5), LocalDate.of(2027, 1, 25)).build();
        WaitingPatient routineUnplacedBreachingInHorizon = patient("Routine unplaced").priority(Priority.ROUTINE)
                .waitingSince(TODAY.minusWeeks(17), HORIZON_END).build();
        WaitingPatient soonUnplacedBreachingAfter = patient("Soon unplaced later").priority(Priority.SOON)
                .waitingSince(TODAY.minusWeeks(4), HORIZON_END.plusDays(1)).build();
        verifier.verifyThat(SessionPlanConstraints::breaches)
                .given(placed(urgentPlacedLate, laterUltrasound), placed(soonPlacedOnBreachDay, laterUltrasound),
                        unplaced(routineUnplacedBreachingInHorizon), unplaced(soonUnplacedBreachingAfter))
                .penalizesBy(SoftCosts.URGENT_BREACH_WEIGHT + SoftCosts.ROUTINE_BREACH_WEIGHT);
    }

    @Test
    void squaresTheDaysPastTheBreachDateTakingUnplacedAsSeenTheDayAfterTheHorizon() {
        WaitingPatient threeDaysLate = patient("Three days late").waitingSince(TODAY.minusWeeks(18), LocalDate.of(2027, 1, 22))
                .build();
        WaitingPatient unplacedBreachedTheDayBeforeTheEnd = patient("Unplaced")
                .waitingSince(TODAY.minusWeeks(18), HORIZON_END.minusDays(1)).build();
        WaitingPatient inTime = patient("In time").waitingSince(TODAY.minusWeeks(2), LocalDate.of(2027, 3, 1)).build();
        verifier.verifyThat(SessionPlanConstraints::lateness)
                .given(placed(threeDaysLate, laterUltrasound), unplaced(unplacedBreachedTheDayBeforeTheEnd),
                        placed(inTime, ultrasound))
                .penalizesBy(3 * 3 + 2 * 2);
    }

    @Test
    void squaresTheDaysWaitedSoTheEarlierDayGoesToTheLongestWaiting() {
        WaitingPatient sinceTheEighth = patient("Since 8 Jan").waitingSince(LocalDate.of(2027, 1, 8), LocalDate.of(2027, 5, 1))
                .build();
        WaitingPatient unplacedSinceTheFirst = patient("Since 1 Jan").waitingSince(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 5, 1)).build();
        verifier.verifyThat(SessionPlanConstraints::longestWaitingFirst)
                .given(placed(sinceTheEighth, ultrasound), unplaced(unplacedSinceTheFirst))
                .penalizesBy(10 * 10 + 25 * 25);
    }

    @Test
    void penalisesAnotherOperatorThanLastTimeWhenThereWasALastTime() {
        OpenSlot okafor = slot("Okafor list", MONDAY_18_JAN).operator(DR_OKAFOR, "Dr Okafor", OperatorGrade.CONSULTANT)
                .build();
        WaitingPatient patelLastTime = patient("Patel last time").lastInjectedBy(DR_PATEL).build();
        verifier.verifyThat(SessionPlanConstraints::sameOperator)
                .given(placed(patelLastTime, okafor), placed(patient("Patel again").lastInjectedBy(DR_PATEL).build(),
                        ultrasound), placed(patient("First time").build(), okafor))
                .penalizesBy(1);
    }

    @Test
    void penalisesEachSessionOpened() {
        OpenSlot sameSessionLater = slot("US Mon 18 later", MONDAY_18_JAN.plusMinutes(20)).build();
        verifier.verifyThat(SessionPlanConstraints::fewerSessions)
                .given(placed(patient("A").build(), ultrasound), placed(patient("B").build(), sameSessionLater),
                        placed(patient("C").build(), laterUltrasound), unplaced(patient("D").build()))
                .penalizesBy(2);
    }

    /** The patient in {@code slot}; {@code openSlots} are the open slots of the plan (the slot itself when none). */
    private PatientAssignment placed(WaitingPatient patient, OpenSlot slot, OpenSlot... openSlots) {
        List<OpenSlot> open = new ArrayList<>(List.of(openSlots));
        if (open.isEmpty()) {
            open.add(slot);
        }
        PatientAssignment assignment = new PatientAssignment(nextId++, patient, open, new HardRules(open), HORIZON_END);
        assignment.setSlot(slot);
        return assignment;
    }

    private PatientAssignment unplaced(WaitingPatient patient) {
        return new PatientAssignment(nextId++, patient, List.of(), new HardRules(List.of()), HORIZON_END);
    }
}
