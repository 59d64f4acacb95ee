package org.synovia.vetting.policy;

import java.util.List;
import java.util.Optional;

import org.synovia.referral.Intent;
import org.synovia.vetting.PolicyAction;
import org.synovia.vetting.PolicyFinding;

/**
 * NHS Evidence-Based Interventions: spinal injections of local anaesthetic and steroid are not offered
 * for non-specific low back pain without sciatica, facet joint injections included. A diagnostic
 * medial branch block before radiofrequency denervation (NICE NG59) is outside this (facts EB-01).
 */
final class SpinalInjectionWithoutSciaticaRule implements CommissioningRule {

    @Override
    public String id() {
        return "POL-003";
    }

    @Override
    public String name() {
        return "No therapeutic spinal injection for low back pain without sciatica (EBI)";
    }

    @Override
    public List<String> sources() {
        return List.of("AoMRC Evidence-Based Interventions: injections for non-specific low back pain without sciatica",
                "facts EB-01");
    }

    @Override
    public Optional<PolicyFinding> evaluate(PolicyCase c) {
        if (!c.site().code().equals("FACET_LUMBAR")) {
            return Optional.empty();
        }
        if (c.referral().intent() == Intent.DIAGNOSTIC) {
            return met("A diagnostic lumbar facet block (before radiofrequency denervation) is outside the EBI restriction.");
        }
        if (c.referral().radicularPain()) {
            return met("The referral records radicular (sciatic) pain.");
        }
        return notMet(PolicyAction.NOT_FUNDED, "A " + c.referral().intent().label().toLowerCase()
                + " lumbar facet injection for low back pain without sciatica is not offered under NHS EBI.");
    }
}
