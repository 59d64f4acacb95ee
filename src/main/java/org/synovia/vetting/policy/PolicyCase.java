package org.synovia.vetting.policy;

import java.time.LocalDate;

import org.synovia.catalogue.InjectionSite;
import org.synovia.referral.ReferralDetails;
import org.synovia.shared.Guidance;
import org.synovia.vetting.VettingProperties.PolicySet;

/** What a commissioning rule looks at: the referral, its site, the planned guidance and the policy set. */
public record PolicyCase(ReferralDetails referral, InjectionSite site, Guidance guidance, PolicySet policySet, LocalDate today) {

    boolean imageGuided() {
        return guidance != Guidance.LANDMARK;
    }
}
