package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;

class SteroidDoseRangeRuleTests {

    @ParameterizedTest(name = "{0} {1} mg into {2} → {3}")
    @CsvSource({
            "METHYLPREDNISOLONE_ACETATE, 80,   KNEE,               NONE",
            "METHYLPREDNISOLONE_ACETATE, 81,   KNEE,               WARN",
            "METHYLPREDNISOLONE_ACETATE, 19,   KNEE,               INFO",
            "METHYLPREDNISOLONE_ACETATE, 10,   HAND_SMALL_JOINT,   NONE",
            "METHYLPREDNISOLONE_ACETATE, 11,   HAND_SMALL_JOINT,   WARN",
            "TRIAMCINOLONE_HEXACETONIDE, 10,   WRIST,              NONE",
            "TRIAMCINOLONE_HEXACETONIDE, 10.5, WRIST,              WARN",
            "TRIAMCINOLONE_HEXACETONIDE, 10,   TROCHANTERIC_BURSA, STOP",
            "TRIAMCINOLONE_ACETONIDE,    40,   TROCHANTERIC_BURSA, NONE",
            "TRIAMCINOLONE_ACETONIDE,    41,   TROCHANTERIC_BURSA, WARN",
            "METHYLPREDNISOLONE_ACETATE, 40,   TROCHANTERIC_BURSA, INFO",
    })
    void comparesTheDoseWithTheProductRange(InjectedAgent agent, double mg, String site, String expected) {
        var facts = switch (site) {
            case "KNEE" -> KNEE;
            case "HAND_SMALL_JOINT" -> HAND_SMALL_JOINT;
            case "WRIST" -> WRIST;
            default -> TROCHANTERIC_BURSA;
        };
        var procedure = procedure(site, facts, Laterality.LEFT, Guidance.ULTRASOUND, List.of(PlannedDrug.dose(agent, mg)));
        var findings = assess(input(adult().build(), procedure)).findingsOf("SAF-080");

        assertThat(findings.isEmpty() ? "NONE" : findings.get(0).severity().name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "triamcinolone acetonide {0} mg in total into both knees → {1}")
    @CsvSource({"79, NONE", "80, NONE", "81, WARN"})
    void limitsTriamcinoloneAcetonideToEightyMilligramsASession(double mg, String expected) {
        var procedure = procedure("KNEE_JOINT", KNEE, Laterality.BILATERAL, Guidance.ULTRASOUND,
                List.of(PlannedDrug.dose(InjectedAgent.TRIAMCINOLONE_ACETONIDE, mg)));
        var findings = assess(input(adult().build(), procedure)).findingsOf("SAF-080").stream()
                .filter(f -> f.message().contains("session")).toList();

        assertThat(findings.isEmpty() ? "NONE" : findings.get(0).severity().name()).isEqualTo(expected);
    }
}
