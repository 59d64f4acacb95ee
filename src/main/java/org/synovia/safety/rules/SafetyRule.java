package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.RuleDescription;
import org.synovia.safety.Severity;

/**
 * One clinical rule: a stable id, the worst severity it can give, its sources and its thresholds.
 * {@link #evaluate} reads the context and adds findings (and, for medicines, plans); it never throws
 * for a clinical reason.
 */
public interface SafetyRule {

    String id();

    String name();

    /** The worst severity this rule can give. */
    Severity severity();

    /** One sentence: what the rule checks, for the catalogue. */
    String summary();

    List<GuidelineReference> sources();

    /** The thresholds in force under a policy, each with its unit, for the catalogue. */
    List<String> thresholds(LocalPolicy policy);

    void evaluate(AssessmentContext context);

    /** The source's own strength-of-evidence note for this rule, shown beside its findings; null when none. */
    default String evidence() {
        return null;
    }

    default RuleDescription describe(LocalPolicy policy) {
        return new RuleDescription(id(), name(), severity(), summary(), sources(), thresholds(policy));
    }
}
