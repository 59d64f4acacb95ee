package org.synovia.safety;

import java.util.List;

/** One row of the rule catalogue: what a rule checks, how hard it stops, where it comes from. */
public record RuleDescription(String id, String name, Severity severity, String summary,
        List<GuidelineReference> sources, List<String> thresholds) {

    public RuleDescription {
        sources = List.copyOf(sources);
        thresholds = List.copyOf(thresholds);
    }
}
