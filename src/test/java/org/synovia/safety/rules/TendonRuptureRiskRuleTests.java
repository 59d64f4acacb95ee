package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.DoseClass;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.PlannedProcedure;
import org.synovia.safety.TendonAtRisk;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;

class TendonRuptureRiskRuleTests {

    @ParameterizedTest(name = "{0}, into substance {1}, steroid {2} → {3}")
    @CsvSource({
            "ACHILLES, true,  true,  STOP",
            "ACHILLES, false, true,  WARN",
            "PATELLAR, true,  true,  STOP",
            "PATELLAR, false, true,  INFO",
            "ACHILLES, true,  false, NONE",
            "NONE,     false, true,  NONE",
    })
    void keepsSteroidOutOfHighRiskTendons(TendonAtRisk tendon, boolean substance, boolean steroid, String expected) {
        var drug = steroid ? PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)
                : PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, 2);
        var procedure = new PlannedProcedure("ANKLE_TENDON_SHEATH", TROCHANTERIC_BURSA, null, Laterality.LEFT,
                Guidance.ULTRASOUND, List.of(drug), false, DoseClass.LOW, START, tendon, substance);
        var findings = assess(input(adult().build(), procedure)).findingsOf("SAF-081");

        assertThat(findings.isEmpty() ? "NONE" : findings.get(0).severity().name()).isEqualTo(expected);
    }
}
