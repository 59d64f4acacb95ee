package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.Finding;
import org.synovia.safety.FindingAction;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PatientFacts.DayObservations;
import org.synovia.safety.PlannedDrug;
import org.synovia.shared.Laterality;
import org.synovia.shared.YesNoUnknown;

class DayInfectionSignsRuleTests {

    static DayObservations day(Double temperature, YesNoUnknown hot, YesNoUnknown swollen, YesNoUnknown red) {
        return new DayObservations(START.minusMinutes(20), temperature, null, 130, 80, hot, swollen, red);
    }

    static List<Finding> findings(DayObservations observations) {
        return assess(input(adult().observations(observations).build(),
                kneeSteroid(Laterality.RIGHT, PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40))))
                .findingsOf("SAF-031");
    }

    @ParameterizedTest(name = "{0} °C, hot {1}, swollen {2}, red {3} → {4}")
    @CsvSource(nullValues = "-", value = {
            // hot and swollen: septic whatever the temperature
            "36.8, YES,       YES,       NO,        SEPTIC",
            "-,    YES,       YES,       NOT_KNOWN, SEPTIC",
            // swollen with fever (red or not), at, just under and just over 38.0 °C
            "38.0, NO,        YES,       YES,       SEPTIC",
            "37.9, NO,        YES,       YES,       NONE",
            "38.1, NO,        YES,       NO,        SEPTIC",
            "38.0, NOT_KNOWN, YES,       NOT_KNOWN, SEPTIC",
            "37.9, NO,        YES,       NO,        NONE",
            // fever with no swollen target: defer
            "38.0, NO,        NO,        NO,        FEVER",
            "37.9, NO,        NO,        NO,        NONE",
            "38.1, YES,       NO,        YES,       FEVER",
            "38.4, NO,        NOT_KNOWN, NO,        FEVER",
            // hot but swelling or temperature not known: not excluded, a soft stop
            "-,    YES,       NO,        NO,        NOT_EXCLUDED",
            "37.0, YES,       NOT_KNOWN, NO,        NOT_EXCLUDED",
            "37.0, YES,       NO,        YES,       NONE",
            "36.5, NO,        NO,        NO,        NONE",
            "-,    NOT_KNOWN, NOT_KNOWN, NOT_KNOWN, NONE",
    })
    void readsTheTargetAndTemperatureTakenAtSignIn(Double temperature, YesNoUnknown hot, YesNoUnknown swollen,
            YesNoUnknown red, String expected) {
        List<Finding> found = findings(day(temperature, hot, swollen, red));

        switch (expected) {
            case "SEPTIC" -> {
                assertThat(found).singleElement().satisfies(f -> {
                    assertThat(f.blocksBooking()).isTrue();
                    assertThat(f.message()).startsWith("Suspected septic joint at sign-in")
                            .contains("no steroid; aspirate and send for culture; urgent pathway [CI-03, CX-01]");
                    assertThat(f.factRows()).containsExactly("CI-03", "CX-01");
                    assertThat(f.sources().getFirst().cite()).contains("EULAR").contains("2021, Table 2");
                    assertThat(f.actions()).extracting(FindingAction::kind).containsExactly(
                            FindingAction.Kind.CHOOSE_ALTERNATIVE, FindingAction.Kind.OVERRIDE_WITH_REASON);
                });
            }
            case "FEVER" -> assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.blocksBooking()).isTrue();
                assertThat(f.message()).startsWith("Fever at sign-in").endsWith("defer the injection until the infection "
                        + "has resolved and rebook [CI-02]");
                assertThat(f.factRows()).containsExactly("CI-02");
            });
            case "NOT_EXCLUDED" -> assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.blocksBooking()).isFalse();
                assertThat(f.justificationRequired()).isTrue();
                assertThat(f.message()).startsWith("Possible septic joint not excluded");
            });
            default -> assertThat(found).isEmpty();
        }
    }

    @Test
    void saysWhatWasMeasuredInItsSentence() {
        assertThat(findings(day(38.4, YesNoUnknown.YES, YesNoUnknown.YES, YesNoUnknown.NOT_KNOWN)).getFirst().message())
                .isEqualTo("Suspected septic joint at sign-in (38.4 °C; hot yes, swollen yes, red not known): no steroid; "
                        + "aspirate and send for culture; urgent pathway [CI-03, CX-01]");
    }

    @Test
    void saysNothingBeforeTheDayIsMeasured() {
        assertThat(assess(input(adult().build(), kneeSteroid(Laterality.RIGHT,
                PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)))).findingsOf("SAF-031")).isEmpty();
    }
}
