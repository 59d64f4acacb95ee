package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Severity;
import org.synovia.shared.YesNoUnknown;

/** SAF-021 — systemic infection (facts CI-02): contraindicated while unwell (seeding risk); defer and rebook. */
final class SystemicInfectionRule implements SafetyRule {

    @Override
    public String id() {
        return "SAF-021";
    }

    @Override
    public String name() {
        return "Systemic infection";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Defers the injection while the patient has a systemic infection, until a clinician confirms it has resolved.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("Therapeutic Guidelines Rheumatology (S17); PCRS guidance and MDDUS summary (S27)", 2014,
                "contraindications", "CI-02"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("any current systemic infection");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        YesNoUnknown infection = context.patient().systemicInfection();
        if (infection.isNo()) {
            return;
        }
        if (!infection.known()) {
            context.add(this, Severity.INFO, "Systemic infection not recorded: ask at sign-in (fever, feeling unwell, "
                    + "antibiotics); defer if unwell [CI-02]");
            return;
        }
        context.add(this, Severity.STOP, "Systemic infection: defer until resolved (clinician confirms) and rebook; "
                + "risk of seeding the injected site [CI-02]");
    }
}
