package org.synovia.safety.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.synovia.safety.BleedingRisk;
import org.synovia.safety.Finding;
import org.synovia.safety.FindingAction;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PlannedProcedure;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.Severity;
import org.synovia.safety.SourceAnswer;

/**
 * One assessment in progress: the input, the policy, the day it is made, the facts derived once for
 * all rules (bleeding-risk category, creatinine clearance, high-thrombotic-risk markers), and what the
 * rules have found so far.
 */
public final class AssessmentContext {

    private final SafetyInput input;
    private final LocalPolicy policy;
    private final LocalDate today;
    private final BleedingRisk bleedingRisk;
    private final Optional<Double> creatinineClearance;
    private final List<String> highThromboticRisk;
    private final List<Finding> findings = new ArrayList<>();
    private final List<MedicationPlan> plans = new ArrayList<>();
    private final List<String> patientInstructions = new ArrayList<>();

    public AssessmentContext(SafetyInput input, LocalPolicy policy, LocalDate today) {
        this.input = input;
        this.policy = policy;
        this.today = today;
        this.bleedingRisk = ProcedureBleedingRiskRule.categorise(input, policy);
        this.creatinineClearance = RenalFunction.creatinineClearance(input.patient(), referenceDate());
        this.highThromboticRisk = HighThromboticRiskRule.markers(input, referenceDate());
    }

    public SafetyInput input() {
        return input;
    }

    public PatientFacts patient() {
        return input.patient();
    }

    public PlannedProcedure procedure() {
        return input.procedure();
    }

    public LocalPolicy policy() {
        return policy;
    }

    public LocalDate today() {
        return today;
    }

    /** The procedure start, when booked. */
    public Optional<LocalDateTime> start() {
        return Optional.ofNullable(input.procedure().start());
    }

    /** The procedure day when booked, otherwise today (intervals are then counted as of today). */
    public LocalDate referenceDate() {
        return start().map(LocalDateTime::toLocalDate).orElse(today);
    }

    /** "on the procedure day" or "today (no date booked yet)", for sentences. */
    public String referenceDayWords() {
        return start().isPresent() ? "on the procedure day (" + Wording.date(referenceDate()) + ")"
                : "today (" + Wording.date(today) + "; no date booked yet)";
    }

    public BleedingRisk bleedingRisk() {
        return bleedingRisk;
    }

    public Optional<Double> creatinineClearance() {
        return creatinineClearance;
    }

    /** The high-thrombotic-risk markers present, in words; empty when none (facts AC-42). */
    public List<String> highThromboticRisk() {
        return highThromboticRisk;
    }

    public void add(SafetyRule rule, Severity severity, String message) {
        add(rule, severity, message, List.of(), null, false);
    }

    public void add(SafetyRule rule, Severity severity, String message, List<SourceAnswer> answers, String policyChoice,
            boolean justificationRequired) {
        add(rule, severity, message, rule.sources(), answers, policyChoice, justificationRequired);
    }

    public void add(SafetyRule rule, Severity severity, String message, List<GuidelineReference> sources,
            List<SourceAnswer> answers, String policyChoice, boolean justificationRequired) {
        add(rule, severity, message, sources, answers, policyChoice, justificationRequired, List.of());
    }

    /**
     * Adds a finding with the actions the rule offers; a STOP always offers an override with a reason and
     * a soft stop a justification, so no rule can forget them.
     */
    public void add(SafetyRule rule, Severity severity, String message, List<GuidelineReference> sources,
            List<SourceAnswer> answers, String policyChoice, boolean justificationRequired, List<FindingAction> actions) {
        List<FindingAction> offered = new ArrayList<>(actions);
        if (severity == Severity.STOP && offered.stream().noneMatch(a -> a.kind() == FindingAction.Kind.OVERRIDE_WITH_REASON)) {
            offered.add(FindingAction.of(FindingAction.Kind.OVERRIDE_WITH_REASON,
                    "Override with a recorded reason (only the grade local policy names may)"));
        }
        if (justificationRequired && severity != Severity.STOP
                && offered.stream().noneMatch(a -> a.kind() == FindingAction.Kind.JUSTIFY)) {
            offered.add(FindingAction.of(FindingAction.Kind.JUSTIFY, "Go ahead with a written justification"));
        }
        findings.add(new Finding(rule.id(), rule.name(), severity, message, sources, answers, policyChoice,
                justificationRequired, offered, rule.evidence()));
    }

    /** A finding with the rule's own sources and the actions it offers. */
    public void add(SafetyRule rule, Severity severity, String message, List<SourceAnswer> answers, String policyChoice,
            boolean justificationRequired, FindingAction... actions) {
        add(rule, severity, message, rule.sources(), answers, policyChoice, justificationRequired, List.of(actions));
    }

    public void plan(MedicationPlan plan) {
        plans.add(plan);
        patientInstructions.add(plan.patientInstruction());
    }

    public void instructPatient(String instruction) {
        patientInstructions.add(instruction);
    }

    List<Finding> findings() {
        return findings;
    }

    List<MedicationPlan> plans() {
        return plans;
    }

    List<String> patientInstructions() {
        return patientInstructions;
    }
}
