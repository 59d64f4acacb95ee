package org.synovia.vetting.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.synovia.vetting.PolicyFinding;

/** Every commissioning rule, and the evaluation of a policy set's rules against one referral. */
public final class CommissioningPolicies {

    public static final List<CommissioningRule> RULES = List.of(new HyaluronanForOsteoarthritisRule(),
            new CorticosteroidAfterOtherTreatmentsRule(), new SpinalInjectionWithoutSciaticaRule(),
            new GuidedShoulderInjectionRule(), new GuidedHipInjectionCriteriaRule(), new ConservativeManagementRule(),
            new DiagnosticSpinalInjectionLimitRule());

    private static final Map<String, CommissioningRule> BY_ID = RULES.stream()
            .collect(Collectors.toUnmodifiableMap(CommissioningRule::id, Function.identity()));

    private CommissioningPolicies() {
    }

    public static List<PolicyFinding> evaluate(PolicyCase referral) {
        return referral.policySet().rules().stream()
                .map(id -> Optional.ofNullable(BY_ID.get(id))
                        .orElseThrow(() -> new IllegalStateException("Policy set names unknown rule " + id)))
                .flatMap(rule -> rule.evaluate(referral).stream()).toList();
    }

    public static Stream<CommissioningRule> rules() {
        return RULES.stream();
    }
}
