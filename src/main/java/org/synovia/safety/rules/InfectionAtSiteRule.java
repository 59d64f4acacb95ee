package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Severity;
import org.synovia.shared.YesNoUnknown;

/**
 * SAF-020 — infection, broken skin or active rash at the site (facts CI-01): do not inject through it,
 * only through healthy skin; cancel or defer until resolved.
 */
final class InfectionAtSiteRule implements SafetyRule {

    @Override
    public String id() {
        return "SAF-020";
    }

    @Override
    public String name() {
        return "Skin infection at the injection site";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Stops an injection through infected, broken or inflamed skin at the site until it has resolved.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("Therapeutic Guidelines Rheumatology (S17); PCRS guidance and MDDUS summary (S27)", 2014,
                "contraindications", "CI-01"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("any infection, broken skin or active rash at the site");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        YesNoUnknown infection = context.patient().infectionAtSite();
        if (infection.isNo()) {
            return;
        }
        if (!infection.known()) {
            context.add(this, Severity.INFO, "Infection, broken skin or rash over the " + context.procedure().site().name()
                    + " not recorded: look at the skin at sign-in; never inject through it [CI-01]");
            return;
        }
        context.add(this, Severity.STOP, "Infection or broken skin over the " + context.procedure().site().name()
                + ": cancel or defer until resolved; do not inject through infected skin [CI-01]");
    }
}
