package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.catalogue.InjectionSite.BleedingClass;
import org.synovia.catalogue.InjectionSite.JointSize;
import org.synovia.catalogue.InjectionSite.Structure;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.CervicalFacetCategory;
import org.synovia.safety.PatientFacts.BleedingRiskFactors;
import org.synovia.safety.ProcedureRisk;
import org.synovia.safety.SiteFacts;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;

class ProcedureBleedingRiskRuleTests {

    @ParameterizedTest(name = "{0}, patient factor {1}, policy {2} → ASRA {3}, SIR {4}, working {5}")
    @CsvSource({
            "PERIPHERAL,          false, SIR_HIGH,          LOW,          LOW,  LOW",
            "SOFT_TISSUE,         false, SIR_HIGH,          LOW,          LOW,  LOW",
            "THORACOLUMBAR_FACET, false, SIR_HIGH,          LOW,          LOW,  LOW",
            "SACROILIAC,          false, SIR_HIGH,          LOW,          LOW,  LOW",
            "CERVICAL_FACET,      false, SIR_HIGH,          INTERMEDIATE, HIGH, HIGH",
            "CERVICAL_FACET,      false, ASRA_INTERMEDIATE, INTERMEDIATE, HIGH, INTERMEDIATE",
            "PERIPHERAL,          true,  SIR_HIGH,          INTERMEDIATE, LOW,  INTERMEDIATE",
            "CERVICAL_FACET,      true,  ASRA_INTERMEDIATE, HIGH,         HIGH, HIGH",
    })
    void categorisesByProcedureAndPatient(BleedingClass siteClass, boolean olderAge, CervicalFacetCategory choice,
            ProcedureRisk asra, ProcedureRisk sir, ProcedureRisk working) {
        var site = new SiteFacts("Site", siteClass, JointSize.LARGE, Structure.JOINT);
        var patient = adult().bleedingRiskFactors(new BleedingRiskFactors(olderAge, false, false, false)).build();
        var policy = new LocalPolicy(choice, null, null, null, null, null, null, null, null, null, null, null, null, null);

        var result = assess(input(patient, procedure("X", site, Laterality.LEFT, Guidance.ULTRASOUND, java.util.List.of())),
                policy);

        assertThat(result.bleedingRisk().asra()).isEqualTo(asra);
        assertThat(result.bleedingRisk().sir()).isEqualTo(sir);
        assertThat(result.bleedingRisk().chosen()).isEqualTo(working);
        assertThat(result.findingsOf("SAF-010").get(0).factRows()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} antithrombotics → upgraded {1}")
    @CsvSource({"1, false", "2, true", "3, true"})
    void upgradesForConcurrentAntithrombotics(int count, boolean upgraded) {
        var drugs = java.util.List.of(
                org.synovia.safety.Medicine.of(org.synovia.shared.Antithrombotic.ASPIRIN, 75, org.synovia.shared.DoseFrequency.ONCE_DAILY),
                org.synovia.safety.Medicine.of(org.synovia.shared.Antithrombotic.CLOPIDOGREL, 75, org.synovia.shared.DoseFrequency.ONCE_DAILY),
                org.synovia.safety.Medicine.of(org.synovia.shared.Antithrombotic.APIXABAN, 5, org.synovia.shared.DoseFrequency.TWICE_DAILY));
        var input = new org.synovia.safety.SafetyInput(adult().build(), drugs.subList(0, count), null, null, trochantericBursa());

        var result = assess(input);

        assertThat(result.bleedingRisk().elevated()).isEqualTo(upgraded);
        assertThat(result.findingsOf("SAF-010").get(0).message().contains("raised one step")).isEqualTo(upgraded);
    }
}
