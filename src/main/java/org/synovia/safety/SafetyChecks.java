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
    private final RememberedAssessments shownAgain = new RememberedAssessments(RememberedAssessments.KEPT);

    SafetyChecks(LocalPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Assesses as of today under the configured local policy. */
    public SafetyAssessment assess(SafetyInput input) {
        return SafetyEngine.assess(input, policy, LocalDate.now(clock));
    }

    /**
     * As {@link #assess(SafetyInput)}, for a page that shows the same patients' answers on every view (the day
     * list): the answer is kept by its whole input and the day (ADR 0128). The engine's answer depends on nothing
     * else (the local policy is fixed at start), so a kept answer is the one the engine would give now; any change
     * to what is known of the patient, their medicines, injections or the procedure is a different input.
     */
    public SafetyAssessment assessShownAgain(SafetyInput input) {
        LocalDate today = LocalDate.now(clock);
        return shownAgain.answer(input, today, () -> SafetyEngine.assess(input, policy, today));
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
