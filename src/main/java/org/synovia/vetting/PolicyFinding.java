package org.synovia.vetting;

import java.util.List;

/**
 * The result of one commissioning rule for one referral.
 *
 * @param sentence what was found, in words built from the referral's facts
 * @param sources rows of the clinical source register and the policy documents
 */
public record PolicyFinding(String ruleId, String ruleName, boolean met, PolicyAction action, String sentence,
        List<String> sources) {

    public PolicyFinding {
        sources = List.copyOf(sources);
    }
}
