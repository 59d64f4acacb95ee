package org.synovia.safety;

import java.util.List;

/**
 * One outcome of one rule. {@code message} is built from the facts the rule used ("last left knee
 * steroid 42 days ago; preferred minimum 84") and is what the user sees and what is stored with a
 * decision. Where sources disagree, {@code sourceAnswers} shows each answer and {@code policyChoice}
 * which one the local policy chose.
 *
 * @param justificationRequired a "soft stop": the clinician may proceed only with a written reason
 * @param actions what the clinician can do about it; a STOP always offers an override with a reason
 * @param evidence the source's own strength-of-evidence note where it gives one, or null
 */
public record Finding(String ruleId, String ruleName, Severity severity, String message,
        List<GuidelineReference> sources, List<SourceAnswer> sourceAnswers, String policyChoice,
        boolean justificationRequired, List<FindingAction> actions, String evidence) {

    public Finding {
        sources = List.copyOf(sources);
        sourceAnswers = List.copyOf(sourceAnswers == null ? List.of() : sourceAnswers);
        actions = List.copyOf(actions == null ? List.of() : actions);
    }

    public Finding(String ruleId, String ruleName, Severity severity, String message, List<GuidelineReference> sources,
            List<SourceAnswer> sourceAnswers, String policyChoice, boolean justificationRequired) {
        this(ruleId, ruleName, severity, message, sources, sourceAnswers, policyChoice, justificationRequired, List.of(),
                null);
    }

    /** Whether booking is blocked until someone with the grade local policy names overrides it with a reason. */
    public boolean blocksBooking() {
        return severity == Severity.STOP;
    }

    /** The fact rows this finding rests on, e.g. [AC-24, AC-40]. */
    public List<String> factRows() {
        return sources.stream().flatMap(s -> s.factRows().stream()).distinct().toList();
    }
}
