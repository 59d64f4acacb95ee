package org.synovia.vetting.policy;

import java.util.List;
import java.util.Optional;

import org.synovia.referral.Indication;
import org.synovia.referral.Intent;
import org.synovia.vetting.PolicyAction;
import org.synovia.vetting.PolicyFinding;

/**
 * Mid and South Essex ICB SRP 060: an image-guided hip injection only as a diagnostic aid, an
 * arthrogram, to investigate infection, or for inflammatory arthropathy; otherwise prior approval
 * (facts CC-02).
 */
final class GuidedHipInjectionCriteriaRule implements CommissioningRule {

    @Override
    public String id() {
        return "POL-005";
    }

    @Override
    public String name() {
        return "Image-guided hip injection criteria (Mid and South Essex SRP 060)";
    }

    @Override
    public List<String> sources() {
        return List.of("Mid and South Essex ICB SRP 060 (2024)", "facts CC-02");
    }

    @Override
    public Optional<PolicyFinding> evaluate(PolicyCase c) {
        if (!c.site().code().equals("HIP_JOINT") || !c.imageGuided()) {
            return Optional.empty();
        }
        if (c.referral().intent() != Intent.THERAPEUTIC) {
            return met("A diagnostic hip injection meets the criteria.");
        }
        if (c.referral().indication() == Indication.INFLAMMATORY_ARTHRITIS) {
            return met("Inflammatory arthropathy meets the criteria.");
        }
        return notMet(PolicyAction.PRIOR_APPROVAL, "A therapeutic image-guided hip injection for "
                + c.referral().indication().label().toLowerCase() + " is outside the criteria: prior approval needed.");
    }
}
