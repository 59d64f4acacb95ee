package org.synovia.vetting.policy;

import java.util.List;
import java.util.Optional;

import org.synovia.referral.Indication;
import org.synovia.referral.RequestedInjectate;
import org.synovia.vetting.PolicyAction;
import org.synovia.vetting.PolicyFinding;

/** NICE NG226: do not offer intra-articular hyaluronan injections for osteoarthritis (facts NG-02, HA-01). */
final class HyaluronanForOsteoarthritisRule implements CommissioningRule {

    @Override
    public String id() {
        return "POL-001";
    }

    @Override
    public String name() {
        return "No hyaluronan for osteoarthritis (NICE NG226)";
    }

    @Override
    public List<String> sources() {
        return List.of("NICE NG226 (2022) 1.4.13", "facts NG-02", "facts HA-01");
    }

    @Override
    public Optional<PolicyFinding> evaluate(PolicyCase c) {
        if (c.referral().requestedInjectate() != RequestedInjectate.HYALURONAN) {
            return Optional.empty();
        }
        if (c.referral().indication() != Indication.OSTEOARTHRITIS) {
            return met("Hyaluronan is requested for " + c.referral().indication().label().toLowerCase()
                    + ", not osteoarthritis.");
        }
        return notMet(PolicyAction.NOT_FUNDED, "Hyaluronan is requested for osteoarthritis of the "
                + c.site().name().toLowerCase() + ": NICE NG226 says do not offer intra-articular hyaluronan for osteoarthritis.");
    }
}
