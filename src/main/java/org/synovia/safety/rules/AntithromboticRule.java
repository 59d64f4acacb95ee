package org.synovia.safety.rules;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.MedicationPlan.InrCheck;
import org.synovia.safety.Medicine;
import org.synovia.safety.PlanAction;
import org.synovia.safety.Severity;
import org.synovia.safety.SourceAnswer;
import org.synovia.shared.Antithrombotic;

/**
 * What every antithrombotic rule shares: a drug rule decides (continue, hold with what gap, restart
 * when, refer), and this class turns the decision into dated times, the patient's instruction and the
 * staff note. It also enforces facts AC-42: a patient with a high-thrombotic-risk marker is never
 * given an automatic stop; the hold becomes a referral to the prescriber.
 */
abstract class AntithromboticRule implements SafetyRule {

    static final GuidelineReference HIGH_THROMBOTIC_RISK = Sources.notes("AC-42");

    abstract boolean covers(Antithrombotic drug);

    abstract Decision decide(Medicine medicine, AssessmentContext context);

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

    private void apply(Medicine medicine, Decision decision, AssessmentContext context) {
        List<GuidelineReference> sources = new ArrayList<>(decision.sources());
        PlanAction action = decision.action();
        String reason = Character.toUpperCase(decision.reason().charAt(0)) + decision.reason().substring(1);
        if (action == PlanAction.HOLD && !context.highThromboticRisk().isEmpty()) {
            action = PlanAction.REFER_TO_PRESCRIBER;
            reason = reason + ". High thrombotic risk (" + String.join(", ", context.highThromboticRisk())
                    + "): no automatic stop; the prescriber or MDT decides whether and how to stop [AC-42]";
            sources.add(HIGH_THROMBOTIC_RISK);
        }
        String name = medicine.displayName();
        Optional<LocalDateTime> start = context.start();
        Optional<DoseSchedule> schedule = DoseSchedule.of(medicine);
        LocalDateTime lastDose = null;
        LocalDateTime restart = null;
        String timing = "";
        Requirement hold = decision.hold();
        if (hold != null && start.isPresent() && schedule.isPresent()) {
            DoseSchedule.Hold computed = schedule.get().lastDose(start.get(), hold.hours(), hold.doses(), hold.wholeDaysOff());
            lastDose = computed.lastDose();
            boolean procedureDayDoseOmitted = schedule.get().doseDueOnProcedureDayBeforeStart(start.get());
            restart = decision.restart() == null ? null : schedule.get().restart(start.get(), decision.restart().hours(),
                    decision.restart().dayAfter(), procedureDayDoseOmitted);
            timing = timing(computed, restart, start.get(), action);
        } else if (hold != null) {
            timing = "; " + (action == PlanAction.REFER_TO_PRESCRIBER ? "if a stop is agreed: " : "") + hold.words()
                    + (start.isEmpty() ? " (dates once the procedure is booked)" : " (dosing times unknown: set dates by hand)")
                    + (decision.restart() == null ? "" : "; restart " + decision.restart().words());
        }
        InrCheck inr = decision.inr() == null ? null : decision.inr().at(start.map(LocalDateTime::toLocalDate));
        String instruction = instruction(name, action, hold, lastDose, restart, decision.restart(), inr);
        String staffNote = Character.toUpperCase(name.charAt(0)) + name.substring(1) + dose(medicine) + ": " + action
                + ". " + reason + timing + ".";
        context.plan(new MedicationPlan(id(), medicine.drug(), medicine.displayName(), action,
                hold == null ? null : hold.hours(), hold == null ? null : hold.doses(),
                hold == null ? null : hold.wholeDaysOff(),
                action == PlanAction.HOLD ? lastDose : null, action == PlanAction.HOLD ? restart : null,
                decision.restart() == null ? null : decision.restart().words(), inr, decision.answers(),
                decision.policyChoice(), instruction, staffNote, sources));
        Severity severity = decision.severity() != null ? decision.severity()
                : action == PlanAction.CONTINUE ? Severity.INFO : Severity.WARN;
        context.add(this, severity, staffNote, sources, decision.answers(), decision.policyChoice(),
                action == PlanAction.REFER_TO_PRESCRIBER);
    }

    private static String timing(DoseSchedule.Hold computed, LocalDateTime restart, LocalDateTime start, PlanAction action) {
        StringBuilder text = new StringBuilder("; ");
        if (action == PlanAction.REFER_TO_PRESCRIBER) {
            text.append("if a stop is agreed: ");
        }
        text.append("last dose ").append(Wording.relative(computed.lastDose(), start.toLocalDate())).append(" (")
                .append(Wording.shortDateTime(computed.lastDose())).append("; ").append(Wording.hours(computed.gap()))
                .append(" before the start; ").append(Wording.plural(computed.omittedDoses(), "dose", "doses"))
                .append(" omitted)");
        if (computed.rejectedLater() != null) {
            text.append("; ").append(Wording.relative(computed.rejectedLater(), start.toLocalDate()))
                    .append(" would leave only ")
                    .append(Wording.hours(java.time.Duration.between(computed.rejectedLater(), start))).append(" and ")
                    .append(Wording.plural(computed.omittedDoses() - 1L, "dose", "doses")).append(" omitted");
        }
        if (restart != null) {
            text.append("; restart ").append(Wording.relative(restart, start.toLocalDate())).append(" (")
                    .append(Wording.shortDateTime(restart)).append(")");
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

    /** The minimum gap before the procedure: hours (ASRA days × 24), omitted doses (SIR), whole days off (SIR days). */
    record Requirement(int hours, int doses, int wholeDaysOff) {

        static Requirement hours(int hours) {
            return new Requirement(hours, 0, 0);
        }

        static Requirement days(int days) {
            return new Requirement(days * 24, 0, 0);
        }

        String words() {
            List<String> parts = new ArrayList<>();
            if (hours > 0) {
                parts.add("at least " + hours + " h since the last dose");
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

    /** When to restart: at least {@code hours} after the start, and on the next day or later when {@code dayAfter}. */
    record Restart(int hours, boolean dayAfter) {

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

        InrCheck at(Optional<java.time.LocalDate> procedureDay) {
            return new InrCheck(procedureDay.map(d -> d.minusDays(daysBefore)).orElse(null), limit, inclusive, rule);
        }
    }

    /**
     * A drug rule's answer before timing: what to do, the gap, the restart, each source's answer, the
     * policy choice, an INR check, the sentence and the sources; {@code severity} overrides the default
     * (INFO to continue, WARN otherwise).
     */
    record Decision(PlanAction action, Requirement hold, Restart restart, List<SourceAnswer> answers,
            String policyChoice, InrSpec inr, String reason, List<GuidelineReference> sources, Severity severity) {

        static Decision proceed(String reason, List<GuidelineReference> sources, SourceAnswer... answers) {
            return new Decision(PlanAction.CONTINUE, null, null, List.of(answers), null, null, reason, sources, null);
        }
    }
}
