package org.synovia.safety.rules;

import java.util.List;

import org.synovia.catalogue.InjectionSite.JointSize;
import org.synovia.catalogue.InjectionSite.Structure;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.Severity;

/**
 * SAF-080 — corticosteroid dose against the product's range for the joint size (facts ST-01..07).
 * <p>
 * Methylprednisolone acetate: small 4–10 mg, medium 10–40, large 20–80 (ST-01). Triamcinolone
 * acetonide: small 5–10, large up to 40, the same for sheaths and bursae; up to 80 mg in one session
 * (ST-02). Doses are procedure totals, so a bilateral dose is halved per joint. Triamcinolone hexacetonide: small 2–6, medium 5–10, large 10–20, and not outside a joint
 * (atrophy, necrosis) (ST-03). Prednisolone acetate 5–25 mg (ST-04). Above the range warns and needs a
 * justification; hexacetonide outside a joint stops. Where the source register has no range (bursae for
 * methylprednisolone, spine, hydrocortisone, dexamethasone) the finding says so.
 */
final class SteroidDoseRangeRule implements SafetyRule {

    static final double TRIAMCINOLONE_ACETONIDE_SESSION_MAX_MG = 80;

    @Override
    public String id() {
        return "SAF-080";
    }

    @Override
    public String name() {
        return "Steroid dose for the joint size";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Compares each steroid dose with its product's range for the joint size; stops hexacetonide outside a joint.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("Depo-Medrone dosing (S11); Kenalog SmPC 2023 (S12); hexacetonide SmPC 2018 (S13); "
                + "prednisolone acetate SmPC 2017 (S14)", GuidelineReference.UNDATED, "dosing", "ST-01", "ST-02", "ST-03", "ST-04", "ST-05", "ST-06", "ST-07"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("methylprednisolone acetate mg: small 4–10, medium 10–40, large 20–80",
                "triamcinolone acetonide mg: small 5–10, medium and large and soft tissue up to 40; session max "
                        + (int) TRIAMCINOLONE_ACETONIDE_SESSION_MAX_MG,
                "triamcinolone hexacetonide mg: small 2–6, medium 5–10, large 10–20; not outside a joint",
                "prednisolone acetate 5–25 mg");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        JointSize size = context.procedure().site().jointSize();
        Structure structure = context.procedure().site().structure();
        for (PlannedDrug drug : context.procedure().drugs()) {
            if (!drug.agent().steroid()) {
                continue;
            }
            InjectedAgent agent = drug.agent();
            if (agent == InjectedAgent.TRIAMCINOLONE_HEXACETONIDE && structure != Structure.JOINT) {
                context.add(this, Severity.STOP, "Triamcinolone hexacetonide planned into a " + structure.name().toLowerCase()
                        .replace('_', ' ') + ": avoid outside the joint (tissue atrophy and necrosis) [ST-03]");
                continue;
            }
            Double dose = drug.resolvedDoseMg();
            if (dose == null) {
                context.add(this, Severity.WARN, agent.label() + ": dose not given; give mg, or mL and mg/mL [ST-01..04]");
                continue;
            }
            double[] range = range(agent, size);
            double perJoint = dose / sides(context);
            String planned = agent.label() + " " + Wording.number(perJoint) + " mg" + (sides(context) > 1 ? " per side" : "")
                    + " into a " + size.name().toLowerCase().replace('_', ' ') + " site";
            if (range == null) {
                context.add(this, Severity.INFO, planned + ": no source gives a range for this product and site; "
                        + "clinician's judgement [ST-01..07, Synovia clinical source register]");
                continue;
            }
            String rangeWords = Wording.number(range[0]) + "–" + Wording.number(range[1]) + " mg";
            if (perJoint > range[1]) {
                context.add(this, Severity.WARN, planned + ": above the usual " + rangeWords + "; record a justification ["
                        + row(agent) + "]", List.of(), null, true);
            } else if (perJoint < range[0]) {
                context.add(this, Severity.INFO, planned + ": below the usual " + rangeWords + " [" + row(agent) + "]");
            }
        }
        double triamcinolone = context.procedure().drugs().stream()
                .filter(d -> d.agent() == InjectedAgent.TRIAMCINOLONE_ACETONIDE && d.resolvedDoseMg() != null)
                .mapToDouble(PlannedDrug::resolvedDoseMg).sum();
        if (triamcinolone > TRIAMCINOLONE_ACETONIDE_SESSION_MAX_MG) {
            context.add(this, Severity.WARN, "Triamcinolone acetonide " + Wording.number(triamcinolone)
                    + " mg in one session: above " + (int) TRIAMCINOLONE_ACETONIDE_SESSION_MAX_MG + " mg [ST-02]",
                    List.of(), null, true);
        }
    }

    /** Doses are procedure totals; a bilateral procedure shares them between two joints. */
    private static int sides(AssessmentContext context) {
        return context.procedure().side() == org.synovia.shared.Laterality.BILATERAL ? 2 : 1;
    }

    static double[] range(InjectedAgent agent, JointSize size) {
        return switch (agent) {
            case METHYLPREDNISOLONE_ACETATE -> switch (size) {
                case SMALL -> new double[] {4, 10};
                case MEDIUM -> new double[] {10, 40};
                case LARGE -> new double[] {20, 80};
                default -> null;
            };
            case TRIAMCINOLONE_ACETONIDE -> switch (size) {
                case SMALL -> new double[] {5, 10};
                case MEDIUM, LARGE, SOFT_TISSUE -> new double[] {5, 40};
                default -> null;
            };
            case TRIAMCINOLONE_HEXACETONIDE -> switch (size) {
                case SMALL -> new double[] {2, 6};
                case MEDIUM -> new double[] {5, 10};
                case LARGE -> new double[] {10, 20};
                default -> null;
            };
            case PREDNISOLONE_ACETATE -> size == JointSize.SPINE ? null : new double[] {5, 25};
            default -> null;
        };
    }

    private static String row(InjectedAgent agent) {
        return switch (agent) {
            case METHYLPREDNISOLONE_ACETATE -> "ST-01";
            case TRIAMCINOLONE_ACETONIDE -> "ST-02";
            case TRIAMCINOLONE_HEXACETONIDE -> "ST-03";
            default -> "ST-04";
        };
    }
}
