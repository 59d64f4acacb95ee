package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.DiabetesType;
import org.synovia.safety.Finding;
import org.synovia.safety.FindingAction;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PatientFacts.DayObservations;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.Severity;
import org.synovia.shared.Laterality;
import org.synovia.shared.YesNoUnknown;

class DayValueReviewRuleTests {

    static List<Finding> findings(boolean diabetic, Double glucose, Integer systolic, Integer diastolic) {
        PatientFacts.Builder patient = adult().observations(new DayObservations(START.minusMinutes(20), 36.6, glucose,
                systolic, diastolic, YesNoUnknown.NO, YesNoUnknown.NO, YesNoUnknown.NO));
        if (diabetic) {
            patient.diabetes(DiabetesType.TYPE_2, false, 50);
        }
        return assess(input(patient.build(), kneeSteroid(Laterality.LEFT,
                PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)))).findingsOf("SAF-032");
    }

    @ParameterizedTest(name = "diabetic {0}, glucose {1} mmol/L → review {2}")
    @CsvSource(nullValues = "-", value = {
            "true,  20.0, false",
            "true,  19.9, false",
            "true,  20.1, true",
            "false, 20.1, true",
            "false, 20.0, false",
            "true,  -,    true",
            "false, -,    false",
            "true,  3.5,  false",
    })
    void asksForAReviewOfAGlucoseAboveTheLocalThreshold(boolean diabetic, Double glucose, boolean review) {
        List<Finding> found = findings(diabetic, glucose, 130, 80);

        assertThat(found).hasSize(review ? 1 : 0).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.justificationRequired()).isTrue();
            assertThat(f.blocksBooking()).isFalse();
            assertThat(f.factRows()).containsExactly("CI-07");
            assertThat(f.actions()).extracting(FindingAction::kind)
                    .containsExactly(FindingAction.Kind.RECHECK_VALUE, FindingAction.Kind.JUSTIFY);
            assertThat(f.message()).contains(glucose == null ? "not measured" : "Capillary glucose " + glucose + " mmol/L");
        });
    }

    @ParameterizedTest(name = "{0}/{1} mmHg → review {2}")
    @CsvSource(nullValues = "-", value = {
            "180, 80,  true",
            "179, 80,  false",
            "181, 80,  true",
            "150, 110, true",
            "150, 109, false",
            "150, 111, true",
            "179, 109, false",
            "-,   -,   false",
            "-,   112, true",
    })
    void asksForAReviewOfABloodPressureAtOrAboveTheLocalThreshold(Integer systolic, Integer diastolic, boolean review) {
        List<Finding> found = findings(false, 6.0, systolic, diastolic);

        assertThat(found).hasSize(review ? 1 : 0).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.justificationRequired()).isTrue();
            assertThat(f.factRows()).containsExactly("CI-08");
            assertThat(f.message()).startsWith("Blood pressure " + (systolic == null ? "?" : systolic) + "/"
                    + (diastolic == null ? "?" : diastolic) + " mmHg at sign-in").contains("no guideline gives one");
        });
    }

    @ParameterizedTest(name = "glucose {0}, BP {1}/{2} → {3} reviews, never a stop")
    @CsvSource({"25.0, 200, 120, 2", "25.0, 120, 70, 1", "6.0, 120, 70, 0"})
    void neverCancelsOnItsOwn(double glucose, int systolic, int diastolic, int reviews) {
        List<Finding> found = findings(true, glucose, systolic, diastolic);

        assertThat(found).hasSize(reviews).noneMatch(Finding::blocksBooking);
    }
}
