package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts.ThromboticRiskMarkers;
import org.synovia.safety.PlanAction;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

class HighThromboticRiskRuleTests {

    @ParameterizedTest(name = "stent {0}, VTE {1}, stroke {2}, valve {3}, DAPT {4} → {5}")
    @CsvSource({
            "2025-12-11,,,false,false, REFER_TO_PRESCRIBER",
            "2025-12-10,,,false,false, HOLD",
            ",2026-09-11,,false,false, REFER_TO_PRESCRIBER",
            ",2026-09-10,,false,false, HOLD",
            ",,2026-09-11,false,false, REFER_TO_PRESCRIBER",
            ",,2026-09-10,false,false, HOLD",
            ",,,true,false,            REFER_TO_PRESCRIBER",
            ",,,false,true,            REFER_TO_PRESCRIBER",
            ",,,false,false,           HOLD",
    })
    void turnsEveryHoldIntoAReferralWithinTheMarkerWindows(LocalDate stent, LocalDate vte, LocalDate stroke, boolean valve,
            boolean dapt, PlanAction expected) {
        var markers = new ThromboticRiskMarkers(valve, stent, dapt, vte, stroke);
        var result = assess(input(adult().thromboticRisk(markers).creatinineClearanceMlPerMin(80.0).build(), cervicalFacet(),
                Medicine.of(Antithrombotic.RIVAROXABAN, 20, DoseFrequency.ONCE_DAILY)));

        assertThat(result.planFor(Antithrombotic.RIVAROXABAN).orElseThrow().action()).isEqualTo(expected);
        assertThat(result.findingsOf("SAF-011").isEmpty()).isEqualTo(expected == PlanAction.HOLD);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "aspirin with {0} → DAPT marker {1}")
    @CsvSource({"CLOPIDOGREL, true", "TICAGRELOR, true", "PRASUGREL, true", "DIPYRIDAMOLE, false"})
    void infersDualAntiplateletTherapyFromTheMedicines(Antithrombotic second, boolean marker) {
        var result = assess(input(adult().build(), cervicalFacet(),
                Medicine.of(Antithrombotic.ASPIRIN, 75, DoseFrequency.ONCE_DAILY),
                Medicine.of(second, 75, DoseFrequency.ONCE_DAILY)));

        assertThat(result.findingsOf("SAF-011").isEmpty()).isEqualTo(!marker);
        if (marker) {
            assertThat(result.planFor(second).orElseThrow().action()).isEqualTo(PlanAction.REFER_TO_PRESCRIBER);
        }
    }
}
