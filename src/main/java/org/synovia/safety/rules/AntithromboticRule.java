package org.synovia.safety.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.synovia.catalogue.InjectionSite.BleedingClass;
import org.synovia.safety.BleedingRisk;
import org.synovia.safety.FindingAction;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.CervicalFacetCategory;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.MedicationPlan.InrCheck;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.safety.PreventionIndication;
import org.synovia.safety.ProcedureRisk;
import org.synovia.safety.Severity;
import org.synovia.safety.SourceAnswer;
import org.synovia.shared.Antithrombotic;

/**
 * What every antithrombotic rule shares. A drug rule says what each source asks at that source's own
 * bleeding-risk category ({@link #asra}, {@link #sir}); this class applies the conventions of
 * docs/clinical-safety/conventions.md to their answers and turns them into dated times, the patient's
 * instruction and the staff note:
 * <ol>
 * <li>within one source's range the default is the lower bound; the upper bound is an advisory with its date;</li>
 * <li>across sources the hold satisfies every followed source's minimum, each source's answer shown;</li>
 * <li>the restart is the earliest scheduled dose any holding source permits, the later ones shown;</li>
 * <li>the patient-factor upgrade (PR-06) moves only ASRA; a hold that exists only because of it, an
 * antiplatelet for secondary prevention, and any hold for a patient at high thrombotic risk (AC-42) is
 * proposed to the prescriber, never planned as an automatic stop.</li>
 * </ol>
 */
abstract class AntithromboticRule implements SafetyRule {

    static final String ASRA = "ASRA 2018";
    static final String SIR = "SIR 2019";
    static final GuidelineReference HIGH_THROMBOTIC_RISK = Sources.notes("AC-42");
    static final GuidelineReference UPGRADE = Sources.asra("patient-factor upgrade", "PR-06");

    abstract boolean covers(Antithrombotic drug);

    /** What ASRA/ESRA pain 2018 asks for this medicine at {@code category}. */
    abstract SourceRule asra(Medicine medicine, ProcedureRisk category, AssessmentContext context);

    /** What SIR 2019 asks for this medicine at {@code category}. */
    abstract SourceRule sir(Medicine medicine, ProcedureRisk category, AssessmentContext context);

    /** A decision outside the per-source arithmetic (an infusion, a clearance below every band), or empty. */
    Optional<Decision> special(Medicine medicine, AssessmentContext context) {
        return Optional.empty();
    }

    /** The sources a drug-specific local-policy setting chooses, and its words; both by default. */
    PolicyChoice policyChoice(Medicine medicine, AssessmentContext context) {
        return PolicyChoice.BOTH;
    }

    /** The INR check that goes with the plan (vitamin K antagonists only). */
    InrSpec inr(Medicine medicine, AssessmentContext context, boolean stopping) {
        return null;
    }

    /**
     * Whether a hold of this drug is proposed to the prescriber when it is taken for secondary prevention
     * (or for a reason not recorded): aspirin, the P2Y12 inhibitors and dipyridamole (AC-30, AC-42).
     */
    boolean prescriberDecidesForSecondaryPrevention(Antithrombotic drug) {
        return false;
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of();
    }

    @Override
    public void evaluate(AssessmentContext context) {
        for (Medicine medicine : context.input().medicines()) {
            if (medicine.drug() != null && covers(medicine.drug())) {
                apply(medicine, decide(medicine, context), context);
            }
        }
    }

    /** Reads each source at its own category and combines them by the conventions. */
    Decision decide(Medicine medicine, AssessmentContext context) {
        Optional<Decision> special = special(medicine, context);
        if (special.isPresent()) {
            return special.get();
        }
        BleedingRisk risk = context.bleedingRisk();
        SourceRule asra = asra(medicine, risk.asra(), context);
        SourceRule sir = sir(medicine, risk.sir(), context);
        PolicyChoice choice = policyChoice(medicine, context).and(cervicalFacetChoice(context));
        List<SourceAnswer> answers = List.of(
                new SourceAnswer(ASRA, categoryWords(risk.asra(), risk.upgraded()) + asra.words()),
                new SourceAnswer(SIR, categoryWords(risk.sir(), false) + sir.words()));
        List<SourceRule> holding = new ArrayList<>();
        if (choice.followsAsra() && asra.holds()) {
            holding.add(asra);
        }
        if (choice.followsSir() && sir.holds()) {
            holding.add(sir);
        }
        String name = medicine.displayName();
        String rows = String.join(", ", List.of(asra.row(), sir.row()).stream().filter(r -> r != null).distinct().toList());
        if (holding.isEmpty()) {
            String reason = "Continue " + name + ": " + ASRA + " " + asra.words() + "; " + SIR + " " + sir.words()
                    + ignoredHold(asra, sir, choice) + " [" + rows + "]";
            return new Decision(PlanAction.CONTINUE, null, List.of(), List.of(), answers, choice.words(),
                    inr(medicine, context, false), reason, sources(), null);
        }
        Requirement hold = holding.stream().map(SourceRule::minimum).reduce(Requirement::atLeast).orElseThrow();
        List<SourceRestart> restarts = holding.stream().filter(s -> s.restart() != null)
                .map(s -> new SourceRestart(s.source(), s.restart())).toList();
        List<SourceRange> ranges = holding.stream().filter(s -> s.upTo() != null)
                .map(s -> new SourceRange(s.source(), s.upTo())).toList();
        StringBuilder reason = new StringBuilder("Hold ").append(name).append(": ")
                .append(String.join("; ", holding.stream().map(s -> s.source() + " " + s.words()).toList()));
        if (holding.size() == 1) {
            SourceRule other = holding.getFirst() == asra ? sir : asra;
            reason.append("; ").append(other.source()).append(" ").append(other.words())
                    .append(choice.follows(other.source()) ? "" : " (not followed: " + choice.words() + ")");
        }
        reason.append(" [").append(rows).append(", AC-40]");
        PlanAction action = PlanAction.HOLD;
        List<GuidelineReference> sources = new ArrayList<>(sources());
        boolean onlyByUpgrade = risk.upgraded() && holding.stream().allMatch(s -> s == asra)
                && !asra(medicine, risk.asraBeforeUpgrade(), context).holds();
        if (onlyByUpgrade) {
            action = PlanAction.REFER_TO_PRESCRIBER;
            reason.append(". Only ASRA's patient-factor upgrade (").append(String.join(", ", risk.patientFactors()))
                    .append(") asks for a stop: no automatic stop; agree with the prescriber before stopping [PR-06]");
            sources.add(UPGRADE);
        }
        if (prescriberDecidesForSecondaryPrevention(medicine.drug())
                && medicine.indication() != PreventionIndication.PRIMARY_PREVENTION) {
            action = PlanAction.REFER_TO_PRESCRIBER;
            reason.append(". Taken for ").append(medicine.indication() == PreventionIndication.UNKNOWN
                    ? "a reason not recorded (treated as secondary prevention)" : "secondary prevention")
                    .append(": no automatic stop; agree with the prescriber before stopping [AC-30, AC-42]");
        }
        return new Decision(action, hold, restarts, ranges, answers, choice.words(),
                inr(medicine, context, action == PlanAction.HOLD),
                reason.toString(), sources, null);
    }

    private static String categoryWords(ProcedureRisk category, boolean upgraded) {
        return "(" + category.label() + (upgraded ? " after the patient-factor upgrade" : "") + " risk) ";
    }

    private static String ignoredHold(SourceRule asra, SourceRule sir, PolicyChoice choice) {
        List<String> ignored = new ArrayList<>();
        if (asra.holds() && !choice.followsAsra()) {
            ignored.add(ASRA);
        }
        if (sir.holds() && !choice.followsSir()) {
            ignored.add(SIR);
        }
        return ignored.isEmpty() ? "" : " (" + String.join(" and ", ignored) + " not followed: " + choice.words() + ")";
    }

    /** PR-04: a clinic that files cervical facets as ASRA intermediate shows SIR's high-risk holds without following them. */
    private static PolicyChoice cervicalFacetChoice(AssessmentContext context) {
        boolean cervical = context.procedure().site().bleedingClass() == BleedingClass.CERVICAL_FACET;
        if (cervical && context.policy().cervicalFacetCategory() == CervicalFacetCategory.ASRA_INTERMEDIATE) {
            return new PolicyChoice(Set.of(ASRA), "cervical-facet-category = ASRA_INTERMEDIATE");
        }
        return PolicyChoice.BOTH;
    }

    /**
     * Turns a decision into the patient's plan and the finding, in named steps: the high-thrombotic-risk escalation,
     * the dated (or undated) timing with each source's alternatives, the patient's instruction, the staff note and
     * the actions offered.
     */
    private void apply(Medicine medicine, Decision decision, AssessmentContext context) {
        Escalation escalation = escalated(decision, context);
        boolean proposed = escalation.action() == PlanAction.REFER_TO_PRESCRIBER;
        Requirement hold = decision.hold();
        Optional<LocalDateTime> start = context.start();
        Timing timing = timing(medicine, decision, start, proposed);
        Restart restartRule = decision.restarts().stream().map(SourceRestart::restart)
                .min(Comparator.comparingInt(Restart::earliestHours)).orElse(null);
        InrCheck inr = decision.inr() == null ? null : decision.inr().at(start.map(LocalDateTime::toLocalDate));
        String name = medicine.displayName();
        String instruction = instruction(name, escalation.action(), hold, timing.lastDose(), timing.restart(), restartRule, inr);
        String staffNote = staffNote(medicine, escalation, timing, proposed);
        PlanAction action = escalation.action();
        context.plan(new MedicationPlan(id(), medicine.drug(), medicine.displayName(), action,
                hold == null ? null : hold.hours(), hold == null ? null : hold.doses(),
                hold == null ? null : hold.wholeDaysOff(),
                action == PlanAction.HOLD ? timing.lastDose() : null, action == PlanAction.HOLD ? timing.restart() : null,
                restartRule == null ? null : restartRule.words(), inr, decision.answers(),
                decision.policyChoice(), instruction, staffNote, escalation.sources(), timing.advisories()));
        Severity severity = decision.severity() != null ? decision.severity()
                : action == PlanAction.CONTINUE ? Severity.INFO : Severity.WARN;
        context.add(this, severity, staffNote, escalation.sources(), decision.answers(), decision.policyChoice(), proposed,
                actions(proposed, timing, inr));
    }

    /** AC-42: a hold for a patient at high thrombotic risk is proposed to the prescriber or MDT, never automatic. */
    private static Escalation escalated(Decision decision, AssessmentContext context) {
        List<GuidelineReference> sources = new ArrayList<>(decision.sources());
        PlanAction action = decision.action();
        String reason = Character.toUpperCase(decision.reason().charAt(0)) + decision.reason().substring(1);
        if (action == PlanAction.HOLD && !context.highThromboticRisk().isEmpty()) {
            action = PlanAction.REFER_TO_PRESCRIBER;
            reason = reason + ". High thrombotic risk (" + String.join(", ", context.highThromboticRisk())
                    + "): no automatic stop; the prescriber or MDT decides whether and how to stop [AC-42]";
            sources.add(HIGH_THROMBOTIC_RISK);
        }
        return new Escalation(action, reason, sources);
    }

    /** The hold as dates when the start and the dosing times are known, else in words; with the other sources' answers. */
    private static Timing timing(Medicine medicine, Decision decision, Optional<LocalDateTime> start, boolean proposed) {
        Requirement hold = decision.hold();
        Optional<DoseSchedule> schedule = DoseSchedule.of(medicine);
        if (hold != null && start.isPresent() && schedule.isPresent()) {
            return datedTiming(decision, schedule.get(), start.get(), proposed);
        }
        if (hold != null) {
            return undatedTiming(decision, start, proposed);
        }
        return new Timing(null, null, "", List.of());
    }

    /** Last dose and restart as dates (AC-40); a longer range or a later restart of another source is an advisory. */
    private static Timing datedTiming(Decision decision, DoseSchedule schedule, LocalDateTime start, boolean proposed) {
        Requirement hold = decision.hold();
        List<String> advisories = new ArrayList<>();
        DoseSchedule.Hold computed = schedule.lastDose(start, hold.hours(), hold.doses(), hold.wholeDaysOff());
        LocalDateTime lastDose = computed.lastDose();
        boolean procedureDayDoseOmitted = schedule.doseDueOnProcedureDayBeforeStart(start);
        List<DatedRestart> dated = decision.restarts().stream()
                .map(r -> new DatedRestart(r, schedule.restart(start, r.restart().hours(),
                        r.restart().dayAfter(), procedureDayDoseOmitted)))
                .sorted(Comparator.comparing(DatedRestart::at)).toList();
        LocalDateTime restart = dated.isEmpty() ? null : dated.getFirst().at();
        LocalDate day = start.toLocalDate();
        for (SourceRange range : decision.ranges()) {
            Requirement longer = hold.atLeast(range.upTo());
            LocalDateTime longerLast = schedule.lastDose(start, longer.hours(), longer.doses(), longer.wholeDaysOff()).lastDose();
            if (longerLast.isBefore(lastDose)) {
                advisories.add(range.source() + " allows up to " + range.upTo().words() + ": consider a last dose "
                        + Wording.relative(longerLast, day) + " (" + Wording.shortDateTime(longerLast)
                        + ") if the prescriber prefers the longer hold");
            }
        }
        for (DatedRestart later : dated.stream().skip(1).toList()) {
            if (later.at().isAfter(restart)) {
                advisories.add(later.source().source() + " restarts " + later.source().restart().words() + ": "
                        + Wording.relative(later.at(), day) + " (" + Wording.shortDateTime(later.at()) + ")");
            }
        }
        return new Timing(lastDose, restart, timing(computed, restart, start, proposed,
                dated.isEmpty() ? null : dated.getFirst()), advisories);
    }

    /** The hold in words until the procedure is booked or the dosing times are known. */
    private static Timing undatedTiming(Decision decision, Optional<LocalDateTime> start, boolean proposed) {
        Requirement hold = decision.hold();
        Restart earliest = decision.restarts().stream().map(SourceRestart::restart)
                .min(Comparator.comparingInt(Restart::earliestHours)).orElse(null);
        String text = "; " + (proposed ? "proposed, if a stop is agreed: " : "") + hold.words()
                + (start.isEmpty() ? " (dates once the procedure is booked)" : " (dosing times unknown: set dates by hand)")
                + (earliest == null ? "" : "; restart " + earliest.words());
        List<String> advisories = decision.ranges().stream()
                .map(range -> range.source() + " allows up to " + range.upTo().words()).toList();
        return new Timing(null, null, text, advisories);
    }

    /** The staff's sentence: drug and dose, what to do, why, when, and the alternatives. */
    private static String staffNote(Medicine medicine, Escalation escalation, Timing timing, boolean proposed) {
        String name = medicine.displayName();
        String advice = timing.advisories().isEmpty() ? "" : ". Alternatives: " + String.join("; ", timing.advisories());
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + dose(medicine) + ": "
                + (proposed ? "AGREE WITH THE PRESCRIBER BEFORE STOPPING" : escalation.action().toString()) + ". "
                + escalation.reason() + timing.text() + advice + ".";
    }

    /** What the finding offers: agree the stop with the prescriber, choose another source's answer, check the INR. */
    private static List<FindingAction> actions(boolean proposed, Timing timing, InrCheck inr) {
        List<FindingAction> actions = new ArrayList<>();
        if (proposed) {
            actions.add(FindingAction.of(FindingAction.Kind.AGREE_WITH_PRESCRIBER, "Agree the stop with the prescriber"
                    + (timing.lastDose() == null ? "" : ": proposed last dose " + Wording.shortDateTime(timing.lastDose()))
                    + (timing.restart() == null ? "" : ", restart " + Wording.shortDateTime(timing.restart()))));
        }
        if (!timing.advisories().isEmpty()) {
            actions.add(FindingAction.of(FindingAction.Kind.CHOOSE_ALTERNATIVE, "Choose another source's answer: "
                    + String.join("; ", timing.advisories())));
        }
        if (inr != null) {
            actions.add(new FindingAction(FindingAction.Kind.RECHECK_VALUE, "Check the INR: " + inr.rule(), inr.from()));
        }
        return actions;
    }

    /** The action after the AC-42 escalation, the sentence's reason and the sources it rests on. */
    private record Escalation(PlanAction action, String reason, List<GuidelineReference> sources) {
    }

    /** The hold's dates (null when not dated), its words for the staff note, and the other sources' alternatives. */
    private record Timing(LocalDateTime lastDose, LocalDateTime restart, String text, List<String> advisories) {
    }

    private static String timing(DoseSchedule.Hold computed, LocalDateTime restart, LocalDateTime start, boolean proposed,
            DatedRestart earliest) {
        StringBuilder text = new StringBuilder("; ");
        if (proposed) {
            text.append("proposed, if a stop is agreed: ");
        }
        text.append("last dose ").append(Wording.relative(computed.lastDose(), start.toLocalDate())).append(" (")
                .append(Wording.shortDateTime(computed.lastDose())).append("; ").append(Wording.hours(computed.gap()))
                .append(" before the start; ").append(Wording.plural(computed.omittedDoses(), "dose", "doses"))
                .append(" omitted)");
        if (computed.rejectedLater() != null) {
            text.append("; ").append(Wording.relative(computed.rejectedLater(), start.toLocalDate()))
                    .append(" would leave only ")
                    .append(Wording.hours(Duration.between(computed.rejectedLater(), start))).append(" and ")
                    .append(Wording.plural(computed.omittedDoses() - 1L, "dose", "doses")).append(" omitted");
        }
        if (restart != null) {
            text.append("; restart ").append(Wording.relative(restart, start.toLocalDate())).append(" (")
                    .append(Wording.shortDateTime(restart)).append(", ").append(earliest.source().source()).append(" ")
                    .append(earliest.source().restart().words()).append(")");
        }
        return text.toString();
    }

    private static String instruction(String name, PlanAction action, Requirement hold, LocalDateTime lastDose,
            LocalDateTime restart, Restart restartRule, InrCheck inr) {
        String inrText = inr == null ? "" : inr.from() == null
                ? " You will need a blood test (INR) within a day before the injection."
                : " You will need a blood test (INR) on " + Wording.date(inr.from()) + " or on the day of the injection.";
        return switch (action) {
            case CONTINUE -> "Keep taking your " + name + " as usual." + inrText;
            case REFER_TO_PRESCRIBER -> "Do not stop your " + name + " unless the doctor who prescribes it tells you "
                    + "to. We will ask them and let you know." + inrText;
            case HOLD -> lastDose != null
                    ? "Take your last " + name + " on " + Wording.dayAndTime(lastDose) + "."
                            + (restart != null ? " Restart on " + Wording.dayAndTime(restart) + "." : "") + inrText
                    : "Stop your " + name + " before the injection: " + hold.patientWords()
                            + (restartRule == null ? "" : " Restart " + restartRule.patientWords() + ".")
                            + " We will give you the exact dates and times when the injection is booked." + inrText;
        };
    }

    private static String dose(Medicine medicine) {
        String amount = medicine.doseMg() != null ? " " + Wording.number(medicine.doseMg()) + " mg"
                : medicine.doseText() != null ? " " + medicine.doseText() : "";
        String frequency = medicine.frequency() == null ? "" : switch (medicine.frequency()) {
            case ONCE_DAILY -> " od";
            case TWICE_DAILY -> " bd";
            case THREE_TIMES_DAILY -> " tds";
            case OTHER -> "";
        };
        return amount + frequency;
    }

    /**
     * One source's answer for one drug at that source's category: no hold ({@code minimum} null), or the
     * least it requires, the upper end of its range when it gives one, and when it lets the drug restart.
     */
    record SourceRule(String source, Requirement minimum, Requirement upTo, Restart restart, String words, String row) {

        static SourceRule noHold(String source, String words, String row) {
            return new SourceRule(source, null, null, null, words, row);
        }

        static SourceRule hold(String source, Requirement minimum, Restart restart, String words, String row) {
            return new SourceRule(source, minimum, null, restart, words, row);
        }

        /** The same answer read as a range: {@code minimum} is its lower bound, {@code upper} its upper. */
        SourceRule upTo(Requirement upper) {
            return new SourceRule(source, minimum, upper, restart, words, row);
        }

        boolean holds() {
            return minimum != null;
        }
    }

    /** Which sources the plan follows; the others are still shown. */
    record PolicyChoice(Set<String> followed, String words) {

        static final PolicyChoice BOTH = new PolicyChoice(Set.of(ASRA, SIR), null);

        boolean follows(String source) {
            return followed.contains(source);
        }

        boolean followsAsra() {
            return follows(ASRA);
        }

        boolean followsSir() {
            return follows(SIR);
        }

        PolicyChoice and(PolicyChoice other) {
            Set<String> both = new java.util.HashSet<>(followed);
            both.retainAll(other.followed());
            String combined = words == null ? other.words() : other.words() == null ? words : words + "; " + other.words();
            return new PolicyChoice(Set.copyOf(both), combined);
        }
    }

    record SourceRestart(String source, Restart restart) {
    }

    record SourceRange(String source, Requirement upTo) {
    }

    private record DatedRestart(SourceRestart source, LocalDateTime at) {
    }

    /** The minimum gap before the procedure: hours (ASRA days × 24), omitted doses (SIR), whole days off (SIR days). */
    record Requirement(int hours, int doses, int wholeDaysOff) {

        static Requirement hours(int hours) {
            return new Requirement(hours, 0, 0);
        }

        static Requirement days(int days) {
            return new Requirement(days * 24, 0, 0);
        }

        static Requirement doses(int doses) {
            return new Requirement(0, doses, 0);
        }

        static Requirement wholeDaysOff(int days) {
            return new Requirement(0, 0, days);
        }

        /** What satisfies both: the larger of each part. */
        Requirement atLeast(Requirement other) {
            return new Requirement(Math.max(hours, other.hours), Math.max(doses, other.doses),
                    Math.max(wholeDaysOff, other.wholeDaysOff));
        }

        String words() {
            List<String> parts = new ArrayList<>();
            if (hours > 0) {
                parts.add(hours % 24 == 0 && hours >= 48 ? hours / 24 + " days (" + hours + " h) since the last dose"
                        : "at least " + hours + " h since the last dose");
            }
            if (doses > 0) {
                parts.add(Wording.plural(doses, "scheduled dose", "scheduled doses") + " omitted");
            }
            if (wholeDaysOff > 0) {
                parts.add(Wording.plural(wholeDaysOff, "whole day", "whole days") + " without a dose before the procedure day");
            }
            return String.join(" and ", parts);
        }

        String patientWords() {
            List<String> parts = new ArrayList<>();
            if (hours > 0) {
                parts.add("your last dose must be at least " + hours + " hours before it");
            }
            if (doses > 0) {
                parts.add("you will miss " + Wording.plural(doses, "dose", "doses"));
            }
            if (wholeDaysOff > 0) {
                parts.add("you take none on the " + wholeDaysOff + " days before the day of the injection");
            }
            return String.join(", and ", parts) + ".";
        }
    }

    /**
     * When a source lets the drug restart: at least {@code hours} after the start, and on the next day or
     * later when {@code dayAfter}. A source's range ("12–24 h") is read by its lower bound.
     */
    record Restart(int hours, boolean dayAfter) {

        static Restart after(int hours) {
            return new Restart(hours, false);
        }

        static Restart nextDay() {
            return new Restart(0, true);
        }

        /** For ordering before dates are known: the day after counts as 24 h. */
        int earliestHours() {
            return dayAfter ? Math.max(hours, 24) : hours;
        }

        String words() {
            return dayAfter ? "the day after the procedure" + (hours > 0 ? " (at least " + hours + " h after)" : "")
                    : hours + " h after the procedure";
        }

        String patientWords() {
            return dayAfter ? "the day after the injection, at your usual time"
                    : "at your usual time, once at least " + hours + " hours have passed since the injection";
        }
    }

    /** An INR check: taken within {@code daysBefore} of the procedure, below (or at) {@code limit}. */
    record InrSpec(int daysBefore, double limit, boolean inclusive, String rule) {

        InrCheck at(Optional<LocalDate> procedureDay) {
            return new InrCheck(procedureDay.map(d -> d.minusDays(daysBefore)).orElse(null), limit, inclusive, rule);
        }
    }

    /**
     * A drug rule's answer before timing: what to do, the combined minimum, each holding source's restart
     * and longer range, each source's answer, the policy in force, an INR check, the sentence and the
     * sources; {@code severity} overrides the default (INFO to continue, WARN otherwise).
     */
    record Decision(PlanAction action, Requirement hold, List<SourceRestart> restarts, List<SourceRange> ranges,
            List<SourceAnswer> answers, String policyChoice, InrSpec inr, String reason, List<GuidelineReference> sources,
            Severity severity) {

        Decision {
            restarts = List.copyOf(restarts == null ? List.of() : restarts);
            ranges = List.copyOf(ranges == null ? List.of() : ranges);
        }

        /** A decision with one restart rule, outside the per-source arithmetic. */
        static Decision of(PlanAction action, Requirement hold, String restartSource, Restart restart,
                List<SourceAnswer> answers, String policyChoice, InrSpec inr, String reason,
                List<GuidelineReference> sources, Severity severity) {
            return new Decision(action, hold, restart == null ? List.of() : List.of(new SourceRestart(restartSource, restart)),
                    List.of(), answers, policyChoice, inr, reason, sources, severity);
        }
    }
}
