package org.synovia.planning.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static org.synovia.planning.solver.WaitingListSchedule.BREACH_LEVEL;
import static org.synovia.planning.solver.WaitingListSchedule.LATENESS_LEVEL;
import static org.synovia.planning.solver.WaitingListSchedule.SAME_OPERATOR_LEVEL;
import static org.synovia.planning.solver.WaitingListSchedule.SESSIONS_LEVEL;
import static org.synovia.planning.solver.WaitingListSchedule.WAITING_LEVEL;
import static org.synovia.planning.solver.WaitingListSchedule.hard;
import static org.synovia.planning.solver.WaitingListSchedule.soft;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The rules of a session plan, one method each, hard first then soft in order of importance. The table in
 * docs/planning.md lists them with their tests. The per-patient hard rules also narrow each patient's choice of
 * slots before solving, so in a solved plan they never fire; they stay here so that any plan, however made, is
 * scored by the same rules.
 */
public class SessionPlanConstraints implements ConstraintProvider {

    public static final String RIGHT_GUIDANCE = "Right guidance room and competent operator";
    public static final String OPERATOR_GRADE = "Operator of the grade vetting asked for";
    public static final String NAMED_OPERATOR = "Operator vetting named";
    public static final String LONG_ENOUGH = "Slot long enough";
    public static final String NOT_BEFORE_EARLIEST = "Not before the earliest safe day";
    public static final String NOT_AFTER_LATEST = "Not after the latest day";
    public static final String NOT_ON_UNAVAILABLE_DAY = "Not on a day the patient is away";
    public static final String ONE_PATIENT_PER_SLOT = "One patient per slot";
    public static final String ONE_STOP_FOLLOWING_SLOT_FREE = "One-stop following slot kept free";
    public static final String ONE_STOP_PAIR = "One-stop patient in a one-stop pair";
    public static final String BREACHES = "Fewest breaches (urgent first)";
    public static final String LATENESS = "Least lateness past breach (squared)";
    public static final String LONGEST_WAITING_FIRST = "Earlier for the longest waiting";
    public static final String SAME_OPERATOR = "Same operator as last time";
    public static final String FEWER_SESSIONS = "Fewer sessions opened";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                rightGuidance(factory),
                operatorGrade(factory),
                namedOperator(factory),
                longEnough(factory),
                notBeforeEarliest(factory),
                notAfterLatest(factory),
                notOnUnavailableDay(factory),
                onePatientPerSlot(factory),
                oneStopFollowingSlotFree(factory),
                oneStopPair(factory),
                breaches(factory),
                lateness(factory),
                longestWaitingFirst(factory),
                sameOperator(factory),
                fewerSessions(factory) };
    }

    /** A fluoroscopy injection needs a fluoroscopy room and an operator trained for it at every site listed. */
    Constraint rightGuidance(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .filter(a -> !a.getRules().rightGuidance(a.getPatient(), a.getSlot()))
                .penalize(hard(1))
                .asConstraint(RIGHT_GUIDANCE);
    }

    /** Vetting decided who may do it; a consultant may take any list, others only their own grade (ADR 0007). */
    Constraint operatorGrade(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .filter(a -> !a.getRules().gradeAllowed(a.getPatient(), a.getSlot()))
                .penalize(hard(1))
                .asConstraint(OPERATOR_GRADE);
    }

    /** When vetting named the operator, no one else does it. */
    Constraint namedOperator(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .filter(a -> !a.getRules().namedOperatorKept(a.getPatient(), a.getSlot()))
                .penalize(hard(1))
                .asConstraint(NAMED_OPERATOR);
    }

    /** A procedure that overruns its slot delays everyone after it. */
    Constraint longEnough(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .filter(a -> !a.getRules().longEnough(a.getPatient(), a.getSlot()))
                .penalize(hard(1))
                .asConstraint(LONG_ENOUGH);
    }

    /** Before the earliest day a blood-thinner hold, a repeat interval or the referral itself makes it unsafe. */
    Constraint notBeforeEarliest(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .filter(a -> !HardRules.notBeforeEarliest(a.getPatient(), a.getSlot()))
                .penalize(hard(1))
                .asConstraint(NOT_BEFORE_EARLIEST);
    }

    /** After the latest day (e.g. a planned joint replacement) the injection is no use or in the way. */
    Constraint notAfterLatest(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .filter(a -> !HardRules.notAfterLatest(a.getPatient(), a.getSlot()))
                .penalize(hard(1))
                .asConstraint(NOT_AFTER_LATEST);
    }

    /** A patient on holiday cannot come; offering the day only makes a cancellation. */
    Constraint notOnUnavailableDay(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .filter(a -> !HardRules.notOnUnavailableDay(a.getPatient(), a.getSlot()))
                .penalize(hard(1))
                .asConstraint(NOT_ON_UNAVAILABLE_DAY);
    }

    /** One slot holds one patient. */
    Constraint onePatientPerSlot(ConstraintFactory factory) {
        return factory.forEachUniquePair(PatientAssignment.class, Joiners.equal(PatientAssignment::getSlot))
                .penalize(hard(1))
                .asConstraint(ONE_PATIENT_PER_SLOT);
    }

    /** A one-stop patient is seen and then injected, so the slot after theirs is theirs too. */
    Constraint oneStopFollowingSlotFree(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .filter(a -> a.followingSlot() != null)
                .join(PatientAssignment.class,
                        Joiners.equal(a -> a.followingSlot().slotId(), other -> other.getSlot().slotId()))
                .penalize(hard(1))
                .asConstraint(ONE_STOP_FOLLOWING_SLOT_FREE);
    }

    /** A one-stop patient needs the consultation and the injection back to back in the same room. */
    Constraint oneStopPair(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .filter(a -> !a.getRules().oneStopPairAvailable(a.getPatient(), a.getSlot()))
                .penalize(hard(1))
                .asConstraint(ONE_STOP_PAIR);
    }

    /** Missing the 6- or 18-week standard is what the service is judged by; urgent breaches matter most. */
    Constraint breaches(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PatientAssignment.class)
                .filter(PatientAssignment::breaches)
                .penalize(soft(BREACH_LEVEL, 1), PatientAssignment::breachCost)
                .asConstraint(BREACHES);
    }

    /** Among breaches, many a few days late is fairer than one patient carrying weeks of delay. */
    Constraint lateness(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PatientAssignment.class)
                .filter(a -> a.latenessCost() > 0)
                .penalize(soft(LATENESS_LEVEL, 1), PatientAssignment::latenessCost)
                .asConstraint(LATENESS);
    }

    /** Whoever has waited longest should have the earlier day; any slot beats none. */
    Constraint longestWaitingFirst(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PatientAssignment.class)
                .penalize(soft(WAITING_LEVEL, 1), PatientAssignment::waitingCost)
                .asConstraint(LONGEST_WAITING_FIRST);
    }

    /** Patients trust an operator who knows their joint; continuity is preferred, never required. */
    Constraint sameOperator(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .filter(a -> a.getPatient().lastOperatorId() != null
                        && !a.getPatient().lastOperatorId().equals(a.getSlot().operatorId()))
                .penalize(soft(SAME_OPERATOR_LEVEL, 1))
                .asConstraint(SAME_OPERATOR);
    }

    /** A session with no patients can be released to other work, so fuller sessions are preferred. */
    Constraint fewerSessions(ConstraintFactory factory) {
        return factory.forEach(PatientAssignment.class)
                .groupBy(a -> a.getSlot().sessionId(), count())
                .penalize(soft(SESSIONS_LEVEL, 1))
                .asConstraint(FEWER_SESSIONS);
    }
}
