package org.synovia.safety.rules;

import java.util.List;
import java.util.stream.Collectors;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PregnancyStatus;
import org.synovia.safety.Severity;

/**
 * SAF-051 — drugs in pregnancy (facts CI-11). EULAR rec. 4: consider whether the injected compound is
 * safe for mother and baby. Whatever the guidance, a pregnant (or possibly pregnant) patient needs a
 * clinician's drug-safety review before booking and a documented shared decision (scenario P5).
 */
final class PregnancyDrugReviewRule implements SafetyRule {

    @Override
    public String id() {
        return "SAF-051";
    }

    @Override
    public String name() {
        return "Drug-safety review in pregnancy";
    }

    @Override
    public Severity severity() {
        return Severity.WARN;
    }

    @Override
    public String summary() {
        return "Asks for a clinician's drug-safety review and a documented shared decision before booking an "
                + "injection for a pregnant patient.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.eular("recommendation 4", "CI-11"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("pregnant or possibly pregnant, any planned drug or contrast");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        PregnancyStatus status = context.patient().pregnancy();
        if (status != PregnancyStatus.PREGNANT && status != PregnancyStatus.POSSIBLE) {
            return;
        }
        String drugs = context.procedure().drugs().stream().map(d -> d.agent().label()).collect(Collectors.joining(", "));
        if (context.procedure().contrast()) {
            drugs = drugs.isEmpty() ? "iodinated contrast" : drugs + ", iodinated contrast";
        }
        String weeks = context.patient().pregnancyWeeks() != null ? " at " + context.patient().pregnancyWeeks() + " weeks" : "";
        context.add(this, Severity.WARN, (status == PregnancyStatus.PREGNANT ? "Pregnant" : "Possibly pregnant") + weeks
                + ": clinician drug-safety review required before booking" + (drugs.isEmpty() ? "" : " (" + drugs + ")")
                + "; document the shared decision [CI-11]", List.of(), null, true);
    }
}
