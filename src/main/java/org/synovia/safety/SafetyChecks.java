package org.synovia.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.synovia.safety.rules.SafetyEngine;

/**
 * The clinical safety engine for other modules. Referral and vetting build a {@link SafetyInput}
 * (patient facts, medicines, previous injections, vaccinations and the planned procedure with its
 * {@link SiteFacts} from the catalogue) and call {@link #assess(SafetyInput)}; the answer is a
 * {@link SafetyAssessment} to show and to store with the decision. Nothing is saved here.
 */
@Service
public class SafetyChecks {

    private final LocalPolicy policy;
    private final Clock clock;

    SafetyChecks(LocalPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Assesses as of today under the configured local policy. */
    public SafetyAssessment assess(SafetyInput input) {
        return SafetyEngine.assess(input, policy, LocalDate.now(clock));
    }

    /** Assesses as of a given day (e.g. re-checking a stored referral on its vetting day). */
    public SafetyAssessment assess(SafetyInput input, LocalDate today) {
        return SafetyEngine.assess(input, policy, today);
    }

    /** Every rule with its id, name, severity, sources and thresholds in force. */
    public List<RuleDescription> rules() {
        return SafetyEngine.catalogue(policy);
    }

    /** The local-policy settings in force. */
    public LocalPolicy policy() {
        return policy;
    }
}
