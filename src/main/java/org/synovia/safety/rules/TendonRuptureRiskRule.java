package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.Severity;
import org.synovia.safety.TendonAtRisk;

/**
 * SAF-081 — tendons at high rupture risk (facts CI-14, CX-05): never inject steroid into the substance
 * of the Achilles or patellar tendon; inject the sheath only, and avoid the Achilles.
 */
final class TendonRuptureRiskRule implements SafetyRule {

    @Override
    public String id() {
        return "SAF-081";
    }

    @Override
    public String name() {
        return "Achilles or patellar tendon";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Stops steroid into the substance of the Achilles or patellar tendon and warns for any Achilles injection.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("PCRS/MDDUS (S27); AOSSM handbook (S30); Depo-Medrone PIL", GuidelineReference.UNDATED,
                "tendons", "CI-14", "CX-05"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("into the tendon substance: stop", "Achilles, peritendinous: warn", "patellar, sheath only: note");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        TendonAtRisk tendon = context.procedure().tendonAtRisk();
        if (tendon == TendonAtRisk.NONE || !context.procedure().steroid()) {
            return;
        }
        String name = tendon == TendonAtRisk.ACHILLES ? "Achilles tendon" : "patellar tendon";
        if (context.procedure().intoTendonSubstance()) {
            context.add(this, Severity.STOP, "Steroid into the substance of the " + name + ": do not inject into the "
                    + "tendon (rupture risk); sheath only [CI-14]");
        } else if (tendon == TendonAtRisk.ACHILLES) {
            context.add(this, Severity.WARN, "Steroid near the Achilles tendon: guidance is to avoid the Achilles; "
                    + "sheath only, with specialist agreement [CI-14]", List.of(), null, true);
        } else {
            context.add(this, Severity.INFO, "Near the patellar tendon: inject the sheath only, never the substance [CI-14]");
        }
    }
}
