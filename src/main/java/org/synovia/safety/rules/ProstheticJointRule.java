package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Severity;
import org.synovia.shared.YesNoUnknown;

/**
 * SAF-023 — prosthetic joint or foreign body at the site (facts CI-04): a contraindication for routine
 * injection; the orthopaedic team decides (aspiration for suspected infection only under specialist care).
 */
final class ProstheticJointRule implements SafetyRule {

    @Override
    public String id() {
        return "SAF-023";
    }

    @Override
    public String name() {
        return "Prosthetic joint at the site";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Rejects a routine injection into a replaced joint and redirects to the orthopaedic team.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("Therapeutic Guidelines Rheumatology (S17); PCRS guidance and MDDUS summary (S27)", 2014,
                "contraindications", "CI-04"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("any prosthesis or foreign body in the joint");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        YesNoUnknown prosthesis = context.patient().prostheticJointAtSite();
        if (prosthesis.isNo()) {
            return;
        }
        if (!prosthesis.known()) {
            context.add(this, Severity.INFO, "Whether the " + context.procedure().site().name()
                    + " has a joint replacement or other implant is not recorded: confirm before injecting; a "
                    + "prosthetic joint is not injected routinely [CI-04]");
            return;
        }
        context.add(this, Severity.STOP, "Prosthetic joint at the " + context.procedure().site().name()
                + " (" + context.procedure().side().label().toLowerCase() + "): reject routine steroid injection; "
                + "redirect to the orthopaedic team (aspiration for suspected infection only under specialist care) [CI-04]");
    }
}
