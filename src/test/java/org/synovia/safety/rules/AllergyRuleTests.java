package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.AllergyCategory;
import org.synovia.safety.DoseClass;
import org.synovia.safety.Finding;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PatientFacts.Allergy;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.PlannedProcedure;
import org.synovia.safety.Severity;
import org.synovia.safety.TendonAtRisk;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;

class AllergyRuleTests {

    @ParameterizedTest(name = "{0} allergy ({1}), contrast {2}, previous reaction {3} → worst {4}")
    @CsvSource({
            "LOCAL_ANAESTHETIC,  lidocaine,    false, false, STOP",
            "CORTICOSTEROID,     triamcinolone,false, false, STOP",
            "IODINATED_CONTRAST, iohexol,      true,  false, STOP",
            "IODINATED_CONTRAST, iohexol,      false, false, NONE",
            "SHELLFISH,          prawns,       true,  false, INFO",
            "SHELLFISH,          prawns,       false, false, NONE",
            "POVIDONE_IODINE,    Betadine,     true,  false, WARN",
            "LATEX,              gloves,       false, false, WARN",
            "OTHER,              iodine,       false, false, WARN",
            "OTHER,              penicillin,   false, false, NONE",
            "OTHER,              penicillin,   true,  true,  STOP",
    })
    void checksAllergiesAgainstPlannedAgents(AllergyCategory category, String agent, boolean contrast, boolean previousReaction,
            String expected) {
        var procedure = new PlannedProcedure("FACET_LUMBAR", LUMBAR_FACET, "L4/5", Laterality.LEFT, Guidance.FLUOROSCOPY,
                List.of(PlannedDrug.dose(InjectedAgent.TRIAMCINOLONE_ACETONIDE, 40),
                        PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, 2)),
                contrast, DoseClass.LOW, START, TendonAtRisk.NONE, false);
        var patient = adult().allergies(List.of(new Allergy(category, agent, "rash"))).previousContrastReaction(previousReaction)
                .build();
        var findings = assess(input(patient, procedure)).findingsOf("SAF-040");

        String worst = findings.stream().map(Finding::severity).max(Enum::compareTo).map(Severity::name).orElse("NONE");
        assertThat(worst).isEqualTo(expected);
    }
}
