package org.synovia.vetting;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Commissioning policy sets, one per commissioner or insurer, and the clinic's default. Each set names
 * the rules it applies (ids of {@code org.synovia.vetting.policy} rules) and its thresholds.
 * {@code medicationNoticeDays}: a patient who must stop a blood thinner is not booked sooner than this
 * many days before their planned last dose, so the letter reaches them first.
 */
@ConfigurationProperties("synovia.vetting")
public record VettingProperties(@DefaultValue("NHS_ENGLAND") String defaultPolicySet, Map<String, PolicySet> policySets,
        @DefaultValue("2") int medicationNoticeDays) {

    public VettingProperties {
        policySets = policySets == null ? Map.of() : Map.copyOf(policySets);
    }

    public PolicySet policySet(String name) {
        PolicySet set = policySets.get(name == null ? defaultPolicySet : name);
        if (set == null) {
            throw new IllegalArgumentException("Unknown policy set " + name);
        }
        return set;
    }

    /**
     * @param minimumConservativeWeeks conservative care before a peripheral injection (local choice)
     * @param minimumConservativeWeeksSpinal before a spinal injection (facts DX-06: 3 months)
     */
    public record PolicySet(String label, List<String> rules, @DefaultValue("6") int minimumConservativeWeeks,
            @DefaultValue("12") int minimumConservativeWeeksSpinal) {

        public PolicySet {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }
}
