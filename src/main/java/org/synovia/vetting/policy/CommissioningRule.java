package org.synovia.vetting.policy;

import java.util.List;
import java.util.Optional;

import org.synovia.vetting.PolicyAction;
import org.synovia.vetting.PolicyFinding;

/** One commissioning rule. Empty when it does not apply to the referral. */
public interface CommissioningRule {

    String id();

    String name();

    /** Rows of the clinical source register and the policy documents the rule rests on. */
    List<String> sources();

    Optional<PolicyFinding> evaluate(PolicyCase referral);

    default Optional<PolicyFinding> met(String sentence) {
        return Optional.of(new PolicyFinding(id(), name(), true, null, sentence, sources()));
    }

    default Optional<PolicyFinding> notMet(PolicyAction action, String sentence) {
        return Optional.of(new PolicyFinding(id(), name(), false, action, sentence, sources()));
    }
}
