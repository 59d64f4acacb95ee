package org.synovia.safety.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.synovia.safety.Finding;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.RuleDescription;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.Severity;

/**
 * Runs every rule over one input. Pure: no Spring, no database, no clock — the day of assessment is
 * passed in. The rule list is the catalogue; its order is the order findings are built.
 */
public final class SafetyEngine {

    private static final List<SafetyRule> RULES = List.of(
            new ProcedureBleedingRiskRule(),
            new WarfarinRule(),
            new DirectOralAnticoagulantRule(),
            new HeparinRule(),
            new P2y12InhibitorRule(),
            new AspirinRule(),
            new OtherAntiplateletRule(),
            // After the drug rules: it reads their plans to decide whether a DAPT period blocks booking.
            new HighThromboticRiskRule(),
            new RenalFunctionRule(),
            new InfectionAtSiteRule(),
            new SystemicInfectionRule(),
            new SepticJointRule(),
            new DayInfectionSignsRule(),
            new DayValueReviewRule(),
            new ProstheticJointRule(),
            new JointReplacementIntervalRule(),
            new DiabetesRule(),
            new AllergyRule(),
            new PregnancyRadiationRule(),
            new PregnancyDrugReviewRule(),
            new SteroidRepeatIntervalRule(),
            new SteroidAnnualCountRule(),
            new HexacetonideIntervalRule(),
            new LocalAnaestheticDoseRule(),
            new SteroidDoseRangeRule(),
            new TendonRuptureRiskRule(),
            new VaccinationTimingRule());

    private SafetyEngine() {
    }

    public static List<SafetyRule> rules() {
        return RULES;
    }

    public static List<RuleDescription> catalogue(LocalPolicy policy) {
        return RULES.stream().map(rule -> rule.describe(policy)).toList();
    }

    public static SafetyAssessment assess(SafetyInput input, LocalPolicy policy, LocalDate today) {
        AssessmentContext context = new AssessmentContext(input, policy, today);
        for (SafetyRule rule : RULES) {
            rule.evaluate(context);
        }
        List<Finding> findings = context.findings();
        Severity highest = findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFO);
        return new SafetyAssessment(today, highest, context.bleedingRisk(), context.creatinineClearance().orElse(null),
                findings, context.plans(), context.patientInstructions(), staffSummary(context, highest));
    }

    private static String staffSummary(AssessmentContext context, Severity highest) {
        List<String> lines = new ArrayList<>();
        lines.add(switch (highest) {
            case STOP -> "Do not proceed as planned.";
            case WARN -> "Proceed only after the actions below.";
            case INFO -> "No safety objection found.";
        });
        lines.add("Bleeding risk: working " + context.bleedingRisk().chosen().label() + " (ASRA "
                + context.bleedingRisk().asra().label() + ", SIR " + context.bleedingRisk().sir().label() + ").");
        for (Severity severity : List.of(Severity.STOP, Severity.WARN)) {
            String text = context.findings().stream().filter(f -> f.severity() == severity)
                    .map(f -> f.ruleId() + " " + f.message()).collect(Collectors.joining(" | "));
            if (!text.isEmpty()) {
                lines.add(severity + ": " + text);
            }
        }
        for (MedicationPlan plan : context.plans()) {
            lines.add("Medicine: " + plan.staffNote());
        }
        return String.join("\n", lines);
    }
}
