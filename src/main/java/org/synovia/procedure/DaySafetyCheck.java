package org.synovia.procedure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.synovia.account.StaffNames;
import org.synovia.safety.Severity;

/**
 * The safety engine's answer at sign-in or time-out, run again with the day's observations and the drugs about
 * to be given, stored with the step (who, when). A finding that needs a decision (a STOP not overridden at
 * vetting, or a review of a value no guideline gives a threshold for) holds the next step until a radiologist
 * records one, with a reason (ADR 0033).
 *
 * @param run 1 for the step's first run; a time-out held by a finding runs again when its drugs change (ADR 0043)
 * @param drugs the drugs the engine checked, as one line
 * @param drugsChecked the same drugs as values (empty for checks stored before they were kept)
 */
public record DaySafetyCheck(ChecklistStep step, int run, Severity highest, String drugs, List<DrugToGive> drugsChecked,
        List<Finding> findings, List<Decision> decisions, Instant checkedAt, String checkedBy) {

    public DaySafetyCheck {
        drugsChecked = List.copyOf(drugsChecked);
        findings = List.copyOf(findings);
        decisions = List.copyOf(decisions);
    }

    /** The latest run at {@code step} among a visit's checks, oldest first; empty before the step's first run. */
    static Optional<DaySafetyCheck> latest(List<DaySafetyCheck> checks, ChecklistStep step) {
        return checks.stream().filter(c -> c.step() == step).reduce((earlier, later) -> later);
    }

    /** Findings that need a decision and have none yet. */
    public List<Finding> undecided() {
        return findings.stream().filter(Finding::needsDecision).filter(f -> decision(f.ruleId()).isEmpty()).toList();
    }

    public Optional<Decision> decision(String ruleId) {
        return decisions.stream().filter(d -> d.ruleId().equals(ruleId)).findFirst();
    }

    /** True when the next step may not go on: a finding still needs a decision, or a review was decided against going on. */
    public boolean holdsNext() {
        return !undecided().isEmpty() || decisions.stream().anyMatch(d -> d.kind() == Decision.Kind.DEFER);
    }

    /**
     * Why the next step may not go on, naming who decided by their full name; empty when it may.
     */
    public Optional<String> holdsNextStep(StaffNames staff) {
        if (!undecided().isEmpty()) {
            Finding first = undecided().getFirst();
            return Optional.of("The " + step.label().toLowerCase() + " safety check needs a decision: " + first.ruleId() + " ("
                    + first.severity() + ") " + first.message());
        }
        return decisions.stream().filter(d -> d.kind() == Decision.Kind.DEFER).findFirst()
                .map(d -> "Deferred at " + step.label().toLowerCase() + " by " + staff.of(d.decidedBy()) + ": " + d.reason());
    }

    /**
     * One finding as shown and stored.
     *
     * @param sources each guideline cited, e.g. "EULAR … 2021, Table 2 [CI-03]"
     * @param needsDecision a STOP not overridden at vetting, or a day review finding
     */
    public record Finding(String ruleId, String ruleName, Severity severity, String message, List<String> sources,
            boolean justificationRequired, boolean needsDecision) {

        public Finding {
            sources = List.copyOf(sources);
        }

        /**
         * Refuses, beside the reason, a decision this finding does not take: a STOP is overridden or deferred, a
         * review is gone ahead with or deferred.
         */
        void checkDecision(Decision.Kind kind) {
            boolean stop = severity == Severity.STOP;
            boolean allowed = kind == Decision.Kind.DEFER || (stop ? kind == Decision.Kind.OVERRIDE : kind == Decision.Kind.PROCEED);
            if (!allowed) {
                throw new org.synovia.shared.InvalidInputException("reason", stop
                        ? "A STOP is overridden with a reason, or the procedure does not go on."
                        : "Decide to go ahead or not, with a reason.");
            }
        }
    }

    /** A radiologist's decision on a finding: override a STOP, or go ahead or defer after a review; with a reason. */
    public record Decision(String ruleId, Kind kind, String reason, Instant decidedAt, String decidedBy) {

        public enum Kind {
            OVERRIDE("STOP overridden"), PROCEED("Go ahead"), DEFER("Do not go ahead");

            private final String label;

            Kind(String label) {
                this.label = label;
            }

            public String label() {
                return label;
            }
        }
    }
}
