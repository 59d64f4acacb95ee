package org.synovia.planning.solver;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import ai.timefold.solver.core.api.score.BendableScore;

import org.synovia.planning.OpenSlot;
import org.synovia.planning.Placement;
import org.synovia.planning.Plan;
import org.synovia.planning.Unplaced;
import org.synovia.planning.WaitingPatient;

/** Writes a solved schedule out as a plan, with a plain-English reason for every placement and every gap. */
public final class PlanWriter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private PlanWriter() {
    }

    public static Plan write(WaitingListSchedule schedule, long scoreCalculations, Duration took) {
        BendableScore score = schedule.getScore();
        List<Placement> placements = new ArrayList<>();
        List<PatientAssignment> unplacedAssignments = new ArrayList<>();
        Set<UUID> takenSlotIds = new HashSet<>();
        int breaches = 0;
        for (PatientAssignment assignment : schedule.getAssignments()) {
            if (assignment.breaches()) {
                breaches++;
            }
            if (assignment.getSlot() == null) {
                unplacedAssignments.add(assignment);
                continue;
            }
            OpenSlot following = assignment.followingSlot();
            takenSlotIds.add(assignment.getSlot().slotId());
            if (following != null) {
                takenSlotIds.add(following.slotId());
            }
            placements.add(new Placement(assignment.getPatient(), assignment.getSlot(), following,
                    placementReason(assignment.getPatient(), assignment.getSlot(), schedule.getHorizonEnd())));
        }
        placements.sort(Comparator.comparing((Placement p) -> p.slot().start()).thenComparing(p -> p.slot().roomName()));
        unplacedAssignments.sort(Comparator.comparing(PatientAssignment::getPatient, MOST_PRESSING_FIRST));
        List<Unplaced> unplaced = unplacedAssignments.stream()
                .map(a -> new Unplaced(a.getPatient(), unplacedReason(a, schedule.getSlots(), takenSlotIds)))
                .toList();
        long hard = score == null ? 0 : score.hardScore(0);
        List<Long> soft = score == null ? List.of() : Arrays.stream(score.softScores()).boxed().toList();
        return new Plan(placements, unplaced, score == null ? "" : score.toString(), hard, soft, breaches,
                scoreCalculations, took, score != null && score.isFeasible());
    }

    /** Higher priority, then earlier breach date, then longer waiting. */
    public static final Comparator<WaitingPatient> MOST_PRESSING_FIRST = Comparator
            .comparingLong((WaitingPatient p) -> -SoftCosts.breachWeight(p.priority()))
            .thenComparing(WaitingPatient::breachDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WaitingPatient::clockStart, Comparator.nullsLast(Comparator.naturalOrder()));

    /** Why this patient is in this slot: what made them pressing and what the slot keeps to. */
    public static String placementReason(WaitingPatient patient, OpenSlot slot, LocalDate horizonEnd) {
        List<String> parts = new ArrayList<>();
        LocalDate day = HardRules.day(slot);
        String priority = patient.priority() == null ? "Routine" : patient.priority().label();
        if (patient.breachDate() == null) {
            parts.add(priority);
        } else if (day.isAfter(patient.breachDate())) {
            long late = ChronoUnit.DAYS.between(patient.breachDate(), day);
            parts.add(priority + ", breached on " + DAY.format(patient.breachDate()) + " (" + days(late)
                    + " late; no earlier slot suits)");
        } else {
            parts.add(priority + ", breaches on " + DAY.format(patient.breachDate()));
        }
        if (patient.clockStart() != null) {
            parts.add("waiting since " + DAY.format(patient.clockStart()));
        }
        if (patient.earliest() != null && (patient.clockStart() == null || patient.earliest().isAfter(patient.clockStart()))) {
            parts.add("earliest safe day " + DAY.format(patient.earliest()));
        }
        if (patient.latest() != null) {
            parts.add("to be seen by " + DAY.format(patient.latest()));
        }
        if (patient.namedOperatorId() != null) {
            parts.add(slot.operatorName() + " named by vetting");
        } else if (patient.lastOperatorId() != null && patient.lastOperatorId().equals(slot.operatorId())) {
            parts.add(slot.operatorName() + " injected last time");
        }
        if (patient.oneStop()) {
            parts.add("one-stop: seen then injected in the same room");
        }
        return String.join("; ", parts);
    }

    /**
     * Why no slot: narrows the open slots rule by rule in the order a clerk would search, and names the rules up to
     * the one that left none. If some slots suit but all went to others, says so.
     */
    public static String unplacedReason(PatientAssignment assignment, List<OpenSlot> slots, Set<UUID> takenSlotIds) {
        WaitingPatient patient = assignment.getPatient();
        HardRules rules = assignment.getRules();
        if (slots.isEmpty()) {
            return "No open slots in the weeks and rooms planned";
        }
        List<Step> steps = List.of(
                new Step(guidanceWords(patient.guidance()) + " slot", s -> roomHasGuidance(rules, patient, s), true),
                new Step("with an operator competent for the " + (patient.siteCodes().size() > 1 ? "sites" : "site"),
                        s -> rules.rightGuidance(patient, s)),
                new Step(gradeWords(patient), s -> rules.gradeAllowed(patient, s)),
                new Step(patient.namedOperatorId() == null ? null : "with the operator vetting named",
                        s -> rules.namedOperatorKept(patient, s)),
                new Step(patient.oneStop() ? "in a one-stop pair with its following slot open" : null,
                        s -> rules.oneStopPairAvailable(patient, s)),
                new Step("of at least " + patient.minutes() + " minutes", s -> rules.longEnough(patient, s)),
                new Step(dateWindowWords(patient), s -> HardRules.notBeforeEarliest(patient, s)
                        && HardRules.notAfterLatest(patient, s)),
                new Step(patient.unavailableFrom() == null ? null : "outside the patient's unavailable dates",
                        s -> HardRules.notOnUnavailableDay(patient, s)));
        List<OpenSlot> left = slots;
        List<String> said = new ArrayList<>();
        for (Step step : steps) {
            List<OpenSlot> narrowed = left.stream().filter(step.test()::holds).toList();
            if (step.words() != null && (step.alwaysSaid() || narrowed.size() < left.size() || narrowed.isEmpty())) {
                said.add(step.words());
            }
            if (narrowed.isEmpty()) {
                return "No " + String.join(" ", said);
            }
            left = narrowed;
        }
        String suits = left.size() == 1 ? "The one slot that suits" : "All " + left.size() + " slots that suit";
        long free = left.stream().filter(s -> !takenSlotIds.contains(s.slotId())).filter(s -> {
            OpenSlot following = rules.followingSlot(patient, s);
            return following == null || !takenSlotIds.contains(following.slotId());
        }).count();
        if (free == 0) {
            return suits + " (" + String.join(", ", said.isEmpty() ? List.of("any") : said)
                    + ") went to patients ahead in priority or waiting longer";
        }
        return free + " suitable slot" + (free == 1 ? " was" : "s were")
                + " still free when the run stopped; a longer run may place this patient";
    }

    private static String gradeWords(WaitingPatient patient) {
        if (patient.operatorGrade() == null || patient.operatorGrade().isBlank()) {
            return null;
        }
        String grade = patient.operatorGrade().toLowerCase(Locale.ENGLISH).replace('_', ' ');
        return "CONSULTANT".equals(patient.operatorGrade()) ? "with a consultant" : "with a " + grade + " or a consultant";
    }

    private static String dateWindowWords(WaitingPatient patient) {
        if (patient.earliest() != null && patient.latest() != null) {
            return "between " + DAY.format(patient.earliest()) + " and " + DAY.format(patient.latest());
        }
        if (patient.earliest() != null) {
            return "on or after " + DAY.format(patient.earliest());
        }
        if (patient.latest() != null) {
            return "on or before " + DAY.format(patient.latest());
        }
        return null;
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    /** A short time of day for messages. */
    public static String time(OpenSlot slot) {
        return TIME.format(slot.start());
    }

    private record Step(String words, SlotTest test, boolean alwaysSaid) {

        Step(String words, SlotTest test) {
            this(words, test, false);
        }
    }

    private static boolean roomHasGuidance(HardRules rules, WaitingPatient patient, OpenSlot slot) {
        OpenSlot following = rules.followingSlot(patient, slot);
        return slot.roomGuidance().contains(patient.guidance())
                && (following == null || following.roomGuidance().contains(patient.guidance()));
    }

    /** "ultrasound", "X-ray (fluoroscopy)", "CT": the label as it reads mid-sentence. */
    private static String guidanceWords(org.synovia.shared.Guidance guidance) {
        String label = guidance.label();
        return Character.isUpperCase(label.charAt(1)) || label.charAt(1) == '-' ? label
                : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    @FunctionalInterface
    private interface SlotTest {
        boolean holds(OpenSlot slot);
    }
}
