package org.synovia.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.planning.PlanningFixtures.DR_OKAFOR;
import static org.synovia.planning.PlanningFixtures.DR_PATEL;
import static org.synovia.planning.PlanningFixtures.patient;
import static org.synovia.planning.PlanningFixtures.problem;
import static org.synovia.planning.PlanningFixtures.slot;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.shared.Guidance;
import org.synovia.waitinglist.Priority;

/** The planner on small fixed problems whose best answer can be worked out by hand. */
class SessionPlannerTests {

    private static final LocalDateTime MONDAY_18_JAN = LocalDateTime.of(2027, 1, 18, 9, 0);
    private static final LocalDateTime MONDAY_25_JAN = LocalDateTime.of(2027, 1, 25, 9, 0);
    private static final PlannerLimits QUICK = new PlannerLimits(Duration.ofSeconds(10), Duration.ofSeconds(1), 1);

    private static final SessionPlanner PLANNER = new SessionPlanner();

    private final OpenSlot first = slot("Mon 18", MONDAY_18_JAN).build();
    private final OpenSlot second = slot("Mon 25", MONDAY_25_JAN).build();
    /** Waiting longest, but breached on 5 Jan whatever happens now. */
    private final WaitingPatient longBreached = patient("Long breached").priority(Priority.ROUTINE)
            .waitingSince(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 5)).build();
    /** Breaches on 19 Jan unless seen on the 18th. */
    private final WaitingPatient urgent = patient("Urgent").priority(Priority.URGENT)
            .waitingSince(LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 19)).build();
    /** Breaches on 26 Jan, the day after the last slot, so not a breach of this plan either way. */
    private final WaitingPatient soon = patient("Soon").priority(Priority.SOON)
            .waitingSince(LocalDate.of(2026, 12, 15), LocalDate.of(2027, 1, 26)).build();
    private final PlanningProblem threeForTwo = problem(List.of(first, second), List.of(longBreached, urgent, soon));

    @Test
    void findsTheKnownBestPlanOfThreePatientsForTwoSlots() {
        // Urgent must have the 18th (else an urgent breach). For the 25th, placing the long-breached patient cuts
        // their lateness from 21 to 20 days (441 -> 400); placing Soon saves no breach and no lateness.
        Plan plan = PLANNER.solve(threeForTwo, QUICK, p -> { }, () -> false);

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.placements()).extracting(p -> p.patient().patientName(), p -> p.slot().slotId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Urgent", first.slotId()),
                        org.assertj.core.groups.Tuple.tuple("Long breached", second.slotId()));
        assertThat(plan.unplaced()).extracting(u -> u.patient().patientName()).containsExactly("Soon");
        assertThat(plan.breaches()).isEqualTo(1);
        assertThat(plan.hardScore()).isZero();
        assertThat(plan.softScores()).hasSize(5).startsWith(-1L, -400L);
        assertThat(plan.scoreCalculations()).isPositive();
    }

    @Test
    void halvesTheBreachesOfFirstComeFirstServedOnTheSameProblem() {
        Plan greedy = new GreedyPlanner().plan(threeForTwo);
        Plan solved = PLANNER.solve(threeForTwo, QUICK, p -> { }, () -> false);

        // First come first served gives the 18th to the long-breached patient and the 25th to Soon: Urgent breaches.
        assertThat(greedy.placements()).extracting(p -> p.patient().patientName())
                .containsExactly("Long breached", "Soon");
        assertThat(greedy.breaches()).isEqualTo(2);
        assertThat(solved.breaches()).isEqualTo(1);
        assertThat(greedy.feasible()).isTrue();
    }

    @Test
    void keepsEveryHardRuleAndExplainsWhoIsLeftOut() {
        OpenSlot injection = slot("Wed injection", MONDAY_18_JAN.plusDays(2).plusMinutes(20)).build();
        OpenSlot consultation = slot("Wed consultation", MONDAY_18_JAN.plusDays(2)).oneStopWith(injection).build();
        WaitingPatient oneStop = patient("One-stop").oneStop().minutes(40).priority(Priority.SOON).build();
        WaitingPatient fluoroscopy = patient("Fluoro hip").guidance(Guidance.FLUOROSCOPY, "HIP").build();
        WaitingPatient away = patient("Away").away(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 2, 1)).build();
        WaitingPatient wantsConsultant = patient("Wants consultant").grade(OperatorGrade.CONSULTANT)
                .lastInjectedBy(DR_PATEL).build();
        OpenSlot sonographer = slot("Sonographer list", MONDAY_25_JAN)
                .operator(PlanningFixtures.SONOGRAPHER_HUGHES, "Gail Hughes", OperatorGrade.SONOGRAPHER).build();

        Plan plan = PLANNER.solve(problem(List.of(first, consultation, injection, sonographer),
                List.of(oneStop, fluoroscopy, away, wantsConsultant)), QUICK, p -> { }, () -> false);

        assertThat(plan.feasible()).isTrue();
        Placement oneStopPlacement = plan.placements().stream()
                .filter(p -> p.patient().equals(oneStop)).findFirst().orElseThrow();
        assertThat(oneStopPlacement.slot()).isEqualTo(consultation);
        assertThat(oneStopPlacement.followingSlot()).isEqualTo(injection);
        assertThat(plan.placements()).noneMatch(p -> p.slot().equals(injection));
        Placement consultantPlacement = plan.placements().stream()
                .filter(p -> p.patient().equals(wantsConsultant)).findFirst().orElseThrow();
        assertThat(consultantPlacement.slot()).isEqualTo(first);
        assertThat(consultantPlacement.reason()).contains("Dr Patel injected last time");
        assertThat(plan.unplaced()).extracting(u -> u.patient().patientName(), Unplaced::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Fluoro hip",
                                "No X-ray (fluoroscopy) slot"),
                        org.assertj.core.groups.Tuple.tuple("Away",
                                "No ultrasound slot outside the patient's unavailable dates"));
    }

    @Test
    void saysWhenEverySuitableSlotWentToSomeoneMorePressing() {
        WaitingPatient urgentByThe25th = patient("Urgent by 25").priority(Priority.URGENT)
                .waitingSince(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 25)).build();
        WaitingPatient routine = patient("Routine").build();
        Plan plan = PLANNER.solve(problem(List.of(second), List.of(routine, urgentByThe25th)), QUICK, p -> { },
                () -> false);

        assertThat(plan.placements()).extracting(p -> p.patient().patientName()).containsExactly("Urgent by 25");
        assertThat(plan.placements().getFirst().reason()).isEqualTo("Urgent, breaches on 25 Jan; waiting since 11 Jan");
        assertThat(plan.unplaced()).singleElement().extracting(Unplaced::reason)
                .isEqualTo("The one slot that suits (ultrasound slot) went to patients ahead in priority or waiting"
                        + " longer");
    }

    @Test
    void namesTheGradeAndTheDatesThatLeftNoSlot() {
        OpenSlot sonographer = slot("Sonographer list", MONDAY_25_JAN)
                .operator(PlanningFixtures.SONOGRAPHER_HUGHES, "Gail Hughes", OperatorGrade.SONOGRAPHER).build();
        WaitingPatient wantsConsultant = patient("Wants consultant").grade(OperatorGrade.CONSULTANT)
                .earliest(LocalDate.of(2027, 1, 20)).latest(LocalDate.of(2027, 2, 7)).build();
        WaitingPatient heldUntilFebruary = patient("Held").earliest(LocalDate.of(2027, 2, 1)).build();

        Plan plan = PLANNER.solve(problem(List.of(first, sonographer), List.of(wantsConsultant, heldUntilFebruary)),
                QUICK, p -> { }, () -> false);

        assertThat(plan.placements()).isEmpty();
        assertThat(plan.unplaced()).extracting(Unplaced::reason).containsExactlyInAnyOrder(
                "No ultrasound slot with a consultant between 20 Jan and 7 Feb",
                "No ultrasound slot on or after 1 Feb");
    }

    @Test
    void reportsProgressAndStopsEarlyWithTheBestPlanSoFar() {
        PlanningProblem large = new WaitingListGenerator(7).problem(300);
        List<PlanProgress> heard = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();

        Plan plan = PLANNER.solve(large, PlannerLimits.of(Duration.ofMinutes(5)), progress -> {
            heard.add(progress);
            if (progress.placed() > 0) {
                stop.set(true);
            }
        }, stop::get);

        assertThat(plan.took()).isLessThan(Duration.ofMinutes(1));
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.placed()).isPositive();
        assertThat(heard.getLast().finished()).isTrue();
        assertThat(heard.getLast().placed()).isEqualTo(plan.placed());
        assertThat(heard.getLast().score()).isEqualTo(plan.score());
        assertThat(heard.subList(0, heard.size() - 1)).noneMatch(PlanProgress::finished);
    }

    @Test
    void offersAFreedSlotToThePatientWhoseBreachItSaves() {
        assertThat(PLANNER.bestFor(first, threeForTwo)).get()
                .satisfies(p -> assertThat(p.patient()).isEqualTo(urgent))
                .satisfies(p -> assertThat(p.reason()).startsWith("Urgent, breaches on 19 Jan"));
    }

    @Test
    void offersAFreedSlotOnlyToPatientsTheHardRulesAllowThere() {
        OpenSlot okafor = slot("Okafor", MONDAY_18_JAN).operator(DR_OKAFOR, "Dr Okafor", OperatorGrade.CONSULTANT).build();
        WaitingPatient namedPatel = patient("Named Patel").namedOperator(DR_PATEL).priority(Priority.URGENT)
                .waitingSince(LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 19)).build();
        WaitingPatient routine = patient("Routine").build();

        assertThat(PLANNER.bestFor(okafor, problem(List.of(okafor), List.of(namedPatel, routine))))
                .get().extracting(Placement::patient).isEqualTo(routine);
        assertThat(PLANNER.bestFor(okafor, problem(List.of(okafor), List.of(namedPatel)))).isEmpty();
    }
}
