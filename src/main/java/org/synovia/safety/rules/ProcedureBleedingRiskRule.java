package org.synovia.safety.rules;

import java.util.ArrayList;
import java.util.List;

import org.synovia.catalogue.InjectionSite.BleedingClass;
import org.synovia.safety.BleedingRisk;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.LocalPolicy.CervicalFacetCategory;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts.BleedingRiskFactors;
import org.synovia.safety.ProcedureRisk;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.Severity;
import org.synovia.safety.SourceAnswer;

/**
 * SAF-010 — procedure bleeding-risk category (facts PR-01..07).
 * <p>
 * Peripheral joints (PR-01), bursae and tendon sheaths (PR-02), thoracic and lumbar facets and medial
 * branch blocks (PR-03) and sacroiliac joints (PR-05) are low risk in both ASRA 2018 and SIR 2019.
 * Cervical facets (PR-04) are ASRA intermediate but SIR high; policy {@code cervical-facet-category}
 * chooses the working category, default the higher. A patient with high bleeding risk (older age,
 * bleeding tendency, concurrent antithrombotics, advanced liver or renal disease) moves one ASRA
 * category higher (PR-06), and the intermediate/high drug rows then apply. Labs per SIR (PR-07).
 */
final class ProcedureBleedingRiskRule implements SafetyRule {

    static final int CONCURRENT_ANTITHROMBOTICS = 2;

    @Override
    public String id() {
        return "SAF-010";
    }

    @Override
    public String name() {
        return "Procedure bleeding-risk category";
    }

    @Override
    public Severity severity() {
        return Severity.INFO;
    }

    @Override
    public String summary() {
        return "Classifies the procedure low / intermediate / high by ASRA and SIR, with the patient-factor upgrade; "
                + "the category decides which antithrombotic rows apply.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.asra("procedure categories (S1, S1b)", "PR-01", "PR-02", "PR-03", "PR-04", "PR-05", "PR-06"),
                Sources.sir("procedure list (S2a)", "PR-01", "PR-02", "PR-03", "PR-04", "PR-05", "PR-07"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("cervical facet: ASRA intermediate / SIR high; policy cervical-facet-category = "
                        + policy.cervicalFacetCategory(),
                "patient-factor upgrade: one ASRA category; concurrent antithrombotics = " + CONCURRENT_ANTITHROMBOTICS
                        + " or more",
                "SIR labs: low risk INR ≤ 2.0–3.0, platelets ≥ 20×10⁹/L; high risk INR ≤ 1.5–1.8, platelets ≥ 50×10⁹/L");
    }

    static BleedingRisk categorise(SafetyInput input, LocalPolicy policy) {
        BleedingClass siteClass = input.procedure().site().bleedingClass();
        ProcedureRisk asra = siteClass == BleedingClass.CERVICAL_FACET ? ProcedureRisk.INTERMEDIATE : ProcedureRisk.LOW;
        ProcedureRisk sir = siteClass == BleedingClass.CERVICAL_FACET ? ProcedureRisk.HIGH : ProcedureRisk.LOW;
        ProcedureRisk asraBeforeUpgrade = asra;
        List<String> factors = patientFactors(input);
        if (!factors.isEmpty()) {
            asra = asra.oneHigher();
        }
        ProcedureRisk chosen;
        if (siteClass == BleedingClass.CERVICAL_FACET && factors.isEmpty()) {
            chosen = policy.cervicalFacetCategory() == CervicalFacetCategory.SIR_HIGH ? sir : asra;
        } else {
            chosen = asra.compareTo(sir) >= 0 ? asra : sir;
        }
        return new BleedingRisk(asra, sir, chosen, factors, asraBeforeUpgrade, factorsNotKnown(input));
    }

    /** PR-06 factors nobody answered: "not known" is not "no", so the finding says the upgrade is unassessed. */
    private static List<String> factorsNotKnown(SafetyInput input) {
        BleedingRiskFactors factors = input.patient().bleedingRiskFactors();
        List<String> unknown = new ArrayList<>();
        if (!factors.olderAge().known()) {
            unknown.add("older age");
        }
        if (!factors.bleedingTendency().known()) {
            unknown.add("bleeding tendency");
        }
        if (!factors.advancedLiverDisease().known()) {
            unknown.add("advanced liver disease");
        }
        if (!factors.advancedRenalDisease().known()) {
            unknown.add("advanced renal disease");
        }
        return unknown;
    }

    private static List<String> patientFactors(SafetyInput input) {
        BleedingRiskFactors factors = input.patient().bleedingRiskFactors();
        List<String> found = new ArrayList<>();
        if (factors.olderAge().isYes()) {
            found.add("older age");
        }
        if (factors.bleedingTendency().isYes()) {
            found.add("history of bleeding tendency");
        }
        if (factors.advancedLiverDisease().isYes()) {
            found.add("cirrhosis or advanced liver disease");
        }
        if (factors.advancedRenalDisease().isYes()) {
            found.add("advanced renal disease");
        }
        List<String> antithrombotics = input.medicines().stream().filter(m -> m.drug() != null)
                .map(Medicine::displayName).toList();
        if (antithrombotics.size() >= CONCURRENT_ANTITHROMBOTICS) {
            found.add("concurrent antithrombotics (" + String.join(", ", antithrombotics) + ")");
        }
        return found;
    }

    @Override
    public void evaluate(AssessmentContext context) {
        BleedingRisk risk = context.bleedingRisk();
        BleedingClass siteClass = context.procedure().site().bleedingClass();
        String row = switch (siteClass) {
            case PERIPHERAL -> "PR-01";
            case SOFT_TISSUE -> "PR-02";
            case THORACOLUMBAR_FACET -> "PR-03";
            case CERVICAL_FACET -> "PR-04";
            case SACROILIAC -> "PR-05";
        };
        StringBuilder message = new StringBuilder(context.procedure().site().name()).append(": ASRA ")
                .append(risk.asra().label()).append(", SIR ").append(risk.sir().label()).append(" [").append(row).append("]");
        if (!risk.patientFactors().isEmpty()) {
            message.append("; ASRA category raised one step for ").append(String.join(", ", risk.patientFactors()))
                    .append(" (SIR has no such upgrade and keeps its own category) [PR-06]");
        }
        if (!risk.factorsNotKnown().isEmpty() && !context.input().medicines().stream().allMatch(m -> m.drug() == null)) {
            message.append("; not recorded: ").append(String.join(", ", risk.factorsNotKnown()))
                    .append(" — the ASRA patient-factor upgrade was assessed without them [PR-06]");
        }
        message.append("; working category ").append(risk.chosen().label());
        message.append(risk.elevated()
                ? "; SIR labs: INR ≤ 1.5–1.8, platelets ≥ 50×10⁹/L [PR-07]"
                : "; routine INR/platelets not needed unless on warfarin or heparin [PR-07]");
        List<SourceAnswer> answers = List.of();
        String policyChoice = null;
        if (siteClass == BleedingClass.CERVICAL_FACET) {
            answers = List.of(new SourceAnswer("ASRA 2018", risk.patientFactors().isEmpty() ? "intermediate"
                    : "intermediate, raised to " + risk.asra().label() + " for patient factors"),
                    new SourceAnswer("SIR 2019", "high"));
            policyChoice = "cervical-facet-category = " + context.policy().cervicalFacetCategory();
        }
        context.add(this, Severity.INFO, message.toString(), answers, policyChoice, false);
    }
}
