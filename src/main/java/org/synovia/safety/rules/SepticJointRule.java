package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Severity;
import org.synovia.shared.YesNoUnknown;

/**
 * SAF-022 — suspected septic joint (facts CI-03): no steroid; aspirate and culture on the urgent
 * pathway. An acute new swelling gets no intra-articular steroid until a diagnosis is made.
 */
final class SepticJointRule implements SafetyRule {

    @Override
    public String id() {
        return "SAF-022";
    }

    @Override
    public String name() {
        return "Suspected septic joint";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Stops a steroid injection into a joint suspected to be septic and redirects to urgent aspiration.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.eular("Table 2", "CI-03"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("any suspicion of septic arthritis");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        YesNoUnknown septic = context.patient().suspectedSepticJoint();
        if (septic.isNo()) {
            return;
        }
        if (!septic.known()) {
            context.add(this, Severity.INFO, "Septic joint not asked about: at sign-in look for a hot, swollen, red "
                    + "joint and take the temperature; if suspected, no steroid [CI-03]");
            return;
        }
        context.add(this, Severity.STOP, "Suspected septic joint: no steroid; urgent aspiration and culture instead "
                + "(same-day pathway) [CI-03]");
    }
}
