package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.PlannedProcedure;
import org.synovia.safety.PlannedProcedure.Target;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.SafetyInput.GivenDrug;
import org.synovia.safety.Severity;
import org.synovia.safety.SiteFacts;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;

/** Local anaesthetic over a whole session and a day (facts LA-01..06): several targets, earlier doses, volumes. */
class LocalAnaestheticSessionTests {

    private static final String RULE = new LocalAnaestheticDoseRule().id();

    /** 80 kg: plain lidocaine maximum 240 mg (3 mg/kg); 5 mL of 1% (50 mg) at each target. */
    @ParameterizedTest(name = "{0} lumbar facet targets × 50 mg lidocaine → {1}% {2}")
    @CsvSource({"4, 83, INFO", "5, 104, STOP"})
    void addsEveryTargetOfTheSessionTowardsTheMaximum(int targets, int percent, Severity severity) {
        List<Target> more = new ArrayList<>();
        for (int i = 1; i < targets; i++) {
            more.add(new Target("FACET_LUMBAR", LUMBAR_FACET, i % 2 == 0 ? Laterality.LEFT : Laterality.RIGHT, "L" + (i + 1),
                    List.of(lidocaine(5))));
        }
        var procedure = PlannedProcedure.builder("FACET_LUMBAR", LUMBAR_FACET, Guidance.FLUOROSCOPY).side(Laterality.LEFT)
                .spinalLevel("L1").drugs(List.of(lidocaine(5))).start(START).additionalTargets(more).build();

        var finding = assess(input(adult().build(), procedure)).findingsOf(RULE).stream()
                .filter(f -> f.message().contains("total")).findFirst().orElseThrow();

        assertThat(finding.severity()).isEqualTo(severity);
        assertThat(finding.message()).contains("across " + targets + " targets").contains("total " + percent + "%");
    }

    @ParameterizedTest(name = "{0} kg, {1} mL of 1% lidocaine → largest permitted {2} mL")
    @CsvSource({"50, 20, 15", "50, 15, 15", "80, 5, 24"})
    void givesTheLargestPermittedVolume(double kg, double ml, String largest) {
        var result = assess(input(adult().weightKg(kg).build(),
                procedure("KNEE_JOINT", KNEE, Laterality.LEFT, Guidance.ULTRASOUND, List.of(lidocaine(ml)))));

        assertThat(result.findingsOf(RULE)).anySatisfy(f -> assertThat(f.message())
                .contains("largest permitted " + largest + " mL of 1% lidocaine"));
    }

    /** 300 mg of bupivacaine earlier: 100 mg now reaches the 400 mg / 24 h ceiling; 101 mg passes it; 25 h ago does not count. */
    @ParameterizedTest(name = "{0} mg bupivacaine {1} h before + {2} mL of 0.5% now → {3}")
    @CsvSource({
            "300, 3,  20,   INFO",
            "300, 3,  20.2, STOP",
            "300, 25, 20.2, NONE",
    })
    void countsBupivacaineGivenEarlierTowardsTheDailyCeiling(double earlierMg, int hoursBefore, double ml, String expected) {
        var procedure = procedure("KNEE_JOINT", KNEE, Laterality.LEFT, Guidance.ULTRASOUND,
                List.of(PlannedDrug.localAnaesthetic(InjectedAgent.BUPIVACAINE, 0.5, ml)));
        var earlier = new GivenDrug(PlannedDrug.dose(InjectedAgent.BUPIVACAINE, earlierMg), START.minusHours(hoursBefore));
        var result = assess(new SafetyInput(adult().build(), List.of(), List.of(), List.of(), procedure, List.of(earlier)));

        var daily = result.findingsOf(RULE).stream().filter(f -> f.message().contains("in 24 h")).toList();
        if (expected.equals("NONE")) {
            assertThat(daily).isEmpty();
        } else {
            assertThat(daily).singleElement().satisfies(f -> {
                assertThat(f.severity().name()).isEqualTo(expected);
                assertThat(f.message()).contains("300 mg given earlier").contains("400 mg ceiling");
            });
        }
    }

    @ParameterizedTest(name = "{0}, {1} mL → {2}")
    @CsvSource({
            "SACROILIAC, 2.5, NONE",
            "SACROILIAC, 2.6, WARN",
            "FACET,      0.5, NONE",
            "FACET,      0.6, WARN",
            "KNEE,       1.0, NONE",
            "KNEE,       1.1, INFO",
    })
    void comparesEachTargetsVolumeWithItsUsualVolume(String target, double ml, String expected) {
        SiteFacts site = switch (target) {
            case "SACROILIAC" -> SACROILIAC;
            case "FACET" -> LUMBAR_FACET;
            default -> KNEE;
        };
        var result = assess(input(adult().build(), procedure(target, site, Laterality.LEFT, Guidance.FLUOROSCOPY,
                List.of(lidocaine(ml)))));

        var volume = result.findingsOf(RULE).stream().filter(f -> f.message().contains("[LA-06]")).toList();
        if (expected.equals("NONE")) {
            assertThat(volume).isEmpty();
        } else {
            assertThat(volume).singleElement().extracting(f -> f.severity().name()).isEqualTo(expected);
        }
    }

    private static PlannedDrug lidocaine(double ml) {
        return PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, ml);
    }
}
