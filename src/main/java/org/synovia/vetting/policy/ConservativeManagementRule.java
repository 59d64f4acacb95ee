package org.synovia.vetting.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.synovia.catalogue.InjectionSite;
import org.synovia.referral.ReferralDetails.TreatmentTried;
import org.synovia.referral.TreatmentKind;
import org.synovia.vetting.PolicyAction;
import org.synovia.vetting.PolicyFinding;

/**
 * Commissioners fund guided injections after failed conservative care (facts CC-04, CC-05); for
 * spinal injections three months of conservative care come first (facts DX-06). The number of weeks
 * is a setting of each policy set.
 */
final class ConservativeManagementRule implements CommissioningRule {

    private static final Set<TreatmentKind> CONSERVATIVE = Set.of(TreatmentKind.PHYSIOTHERAPY, TreatmentKind.ANALGESIA,
            TreatmentKind.ACTIVITY_CHANGE);

    @Override
    public String id() {
        return "POL-006";
    }

    @Override
    public String name() {
        return "Conservative management tried for long enough";
    }

    @Override
    public List<String> sources() {
        return List.of("BNSSG Remedy: image-guided steroid injections", "facts CC-04", "facts CC-05", "facts DX-06");
    }

    @Override
    public Optional<PolicyFinding> evaluate(PolicyCase c) {
        boolean spinal = c.site().jointSize() == InjectionSite.JointSize.SPINE;
        int minimumWeeks = spinal ? c.policySet().minimumConservativeWeeksSpinal() : c.policySet().minimumConservativeWeeks();
        int longest = c.referral().treatments().stream().filter(t -> CONSERVATIVE.contains(t.kind()))
                .map(TreatmentTried::durationWeeks).filter(w -> w != null).max(Integer::compare).orElse(0);
        if (longest >= minimumWeeks) {
            return met("Conservative care tried for " + longest + " weeks; minimum " + minimumWeeks + ".");
        }
        return notMet(PolicyAction.PRIOR_APPROVAL, "Conservative care tried for " + longest + " weeks; this policy asks for "
                + minimumWeeks + (spinal ? " before a spinal injection." : " before a guided injection."));
    }
}
