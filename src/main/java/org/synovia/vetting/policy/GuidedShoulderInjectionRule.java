package org.synovia.vetting.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.synovia.referral.ReferrerSetting;
import org.synovia.vetting.PolicyAction;
import org.synovia.vetting.PolicyFinding;

/**
 * NHS EBI: image-guided subacromial injections are not recommended (no benefit over unguided); other
 * image-guided shoulder injections only through a secondary-care shoulder service (facts EB-02).
 */
final class GuidedShoulderInjectionRule implements CommissioningRule {

    private static final Set<String> OTHER_SHOULDER_SITES = Set.of("GLENOHUMERAL_JOINT", "ACROMIOCLAVICULAR", "STERNOCLAVICULAR");

    @Override
    public String id() {
        return "POL-004";
    }

    @Override
    public String name() {
        return "Image-guided shoulder injections only via a shoulder service (EBI)";
    }

    @Override
    public List<String> sources() {
        return List.of("AoMRC Evidence-Based Interventions: scans and image-guided injections for shoulder pain",
                "facts EB-02", "facts CC-03");
    }

    @Override
    public Optional<PolicyFinding> evaluate(PolicyCase c) {
        boolean subacromial = c.site().code().equals("SUBACROMIAL_BURSA");
        if (!c.imageGuided() || !(subacromial || OTHER_SHOULDER_SITES.contains(c.site().code()))) {
            return Optional.empty();
        }
        boolean shoulderService = c.referral().referrerSetting() == ReferrerSetting.SECONDARY_CARE_SHOULDER_SERVICE;
        if (shoulderService) {
            return met("Referred by a secondary-care shoulder service.");
        }
        if (subacromial) {
            return notMet(PolicyAction.NOT_FUNDED, "An image-guided subacromial injection from "
                    + c.referral().referrerSetting().label().toLowerCase()
                    + " is outside a secondary-care shoulder service; EBI finds no benefit over a landmark injection.");
        }
        return notMet(PolicyAction.PRIOR_APPROVAL, "An image-guided " + c.site().name().toLowerCase()
                + " injection outside a secondary-care shoulder service needs the commissioner's approval.");
    }
}
