package org.synovia.referral;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The table of codes in {@code docs/integration/codes.md} is rendered from {@link ClinicalCodes}, the one table every
 * door reads through, and must match it, so that the documentation and the code never disagree.
 */
class CodeTableTests {

    private static final Path COMMITTED = Path.of("docs/integration/codes.md");
    private static final Path FRESH = Path.of("target/integration/codes.md");
    private static final String UPDATE_PROPERTY = "synovia.docs.update";

    @Test
    void keepsTheCommittedCodeTableInStepWithTheCode() throws IOException {
        String rendered = render();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(COMMITTED, rendered, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!committed.equals(rendered)) {
            Files.createDirectories(FRESH.getParent());
            Files.writeString(FRESH, rendered, StandardCharsets.UTF_8);
            fail(COMMITTED + " is stale. A fresh copy is in " + FRESH + ". Review it, then update with: "
                    + "./mvnw -q -B test -Dtest=CodeTableTests -D" + UPDATE_PROPERTY + "=true");
        }
    }

    static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Clinical codes\n\n");
        md.append("Rendered from `org.synovia.referral.ClinicalCodes` by `CodeTableTests`, which fails when this page and the\n")
                .append("code disagree; do not edit it by hand. Every door reads through this one table: the HL7 order (OBX-3, AL1),\n")
                .append("the FHIR referral (contained, referenced or bundled resources) and the CDS Hooks prefetch, both FHIR doors\n")
                .append("through the one reader `org.synovia.referral.FhirFacts` (ADR 0041). A code not listed here is not read as a\n")
                .append("fact; a question no code answers stays **not known**, never no. Free text (HL7 NTE, FHIR notes) is never\n")
                .append("read as a fact.\n\n");

        md.append("## Results and dated facts\n\n");
        md.append("HL7: OBX-3 is the local code in the coding system `SYNOVIA`, or a LOINC code with OBX-3.3 `LN`; the date is\n")
                .append("OBX-14. FHIR: an Observation coded in `http://loinc.org` with `valueQuantity` and `effectiveDateTime`\n")
                .append("(the last period: `valueDateTime`). The first LOINC code is the one Synovia sends.\n\n");
        md.append("| local code | referral field | LOINC | unit |\n|---|---|---|---|\n");
        for (ClinicalCodes.Measured m : ClinicalCodes.Measured.values()) {
            md.append("| `").append(m.localCode()).append("` | `").append(m.field()).append("` | ")
                    .append(String.join(", ", m.loinc())).append(" | ").append(m.unit() == null ? "date" : "`" + m.unit() + "`")
                    .append(" |\n");
        }
        md.append("\nCreatinine in mg/dL (by its unit) is converted to µmol/L (× ")
                .append(ClinicalCodes.CREATININE_MG_DL_TO_UMOL_L).append(").\n\n");

        md.append("## Pregnancy status\n\n");
        md.append("LOINC ").append(ClinicalCodes.PREGNANCY_STATUS).append(" pregnancy status (HL7 local code `PREGNANCY` takes the\n")
                .append("referral's own values). No answer is **not recorded**, whatever the recorded sex: the engine then asks for\n")
                .append("the enquiry where X-ray or CT is planned (HAZ-88).\n\n");
        md.append("| answer code | system | referral answer |\n|---|---|---|\n");
        for (String code : List.of(ClinicalCodes.PREGNANT, ClinicalCodes.NOT_PREGNANT, ClinicalCodes.PREGNANCY_UNKNOWN,
                ClinicalCodes.SNOMED_PREGNANT, ClinicalCodes.SNOMED_NOT_PREGNANT, ClinicalCodes.ANSWER_UNKNOWN)) {
            PregnancyPossibility answer = ClinicalCodes.pregnancyStatus(code).orElseThrow();
            md.append("| ").append(code).append(" | ").append(code.startsWith("LA") ? "LOINC" : "SNOMED CT").append(" | `")
                    .append(answer.name()).append("` (").append(answer.label()).append(") |\n");
        }

        md.append("\n## Yes/no questions\n\n");
        md.append("Answered Y, N or U (HL7 table 0136), `true`/`false` (FHIR), or SNOMED CT ")
                .append(ClinicalCodes.ANSWER_YES).append(" yes, ").append(ClinicalCodes.ANSWER_NO).append(" no, ")
                .append(ClinicalCodes.ANSWER_UNKNOWN).append(" unknown. A SNOMED CT finding in the last column also\n")
                .append("answers yes when sent as an active Condition. A question with no code travels only as its local code\n")
                .append("(HL7) or the form's item (FHIR QuestionnaireResponse).\n\n");
        md.append("| local code | referral field | SNOMED CT |\n|---|---|---|\n");
        for (ClinicalCodes.Question q : ClinicalCodes.Question.values()) {
            md.append("| `").append(q.localCode()).append("` | `").append(q.field()).append("` | ")
                    .append(q.snomed().isEmpty() ? "—" : String.join(", ", q.snomed())).append(" |\n");
        }

        md.append("\n## Diabetes\n\n| code | system | type |\n|---|---|---|\n");
        for (Map.Entry<String, DiabetesType> e : ClinicalCodes.DIABETES_SNOMED.entrySet()) {
            md.append("| ").append(e.getKey()).append(" | SNOMED CT | `").append(e.getValue().name()).append("` |\n");
        }
        for (Map.Entry<String, DiabetesType> e : ClinicalCodes.DIABETES_ICD_10.entrySet()) {
            md.append("| ").append(e.getKey()).append(" | ICD-10 (category) | `").append(e.getValue().name()).append("` |\n");
        }

        md.append("\n## Allergens\n\n");
        md.append("By SNOMED CT substance code (FHIR AllergyIntolerance.code, HL7 AL1-3 with AL1-3.3 `SCT`); an allergen sent\n")
                .append("only by name is classed by the engine's words (`org.synovia.safety.AllergyCategory.fromAgent`).\n\n");
        md.append("| SNOMED CT | allergen | referral class |\n|---|---|---|\n");
        for (ClinicalCodes.Allergen a : ClinicalCodes.Allergen.values()) {
            md.append("| ").append(a.snomed()).append(" | ").append(a.agent()).append(" | `").append(a.category().name()).append("` |\n");
        }

        md.append("\n## Blood thinners\n\n");
        md.append("By SNOMED CT substance code (FHIR MedicationStatement or MedicationRequest, HL7 OBX `ANTITHROMBOTIC`), else\n")
                .append("by name (a dm+d product's display); enoxaparin's dose class comes from the dose (up to 40 mg a day\n")
                .append("prophylactic).\n\n");
        md.append("| SNOMED CT | drug |\n|---|---|\n");
        for (ClinicalCodes.AntithromboticSubstance a : ClinicalCodes.AntithromboticSubstance.values()) {
            md.append("| ").append(a.snomed()).append(" | ").append(a.drug().kind() == org.synovia.shared.Antithrombotic.Kind.HEPARIN
                    ? "Enoxaparin (prophylactic or treatment, by dose)" : a.drug().label()).append(" |\n");
        }
        return md.toString();
    }
}
