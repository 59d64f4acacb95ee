package org.synovia.safety;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.synovia.catalogue.InjectionSite.BleedingClass;
import org.synovia.catalogue.InjectionSite.JointSize;
import org.synovia.catalogue.InjectionSite.Structure;
import org.synovia.safety.rules.SafetyEngine;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;

/**
 * Synthetic patients and procedures for the safety tests. The procedure day D0 is Thursday
 * 10 December 2026 and starts at 09:00 (the clinical scenarios' conventions); assessments are made on
 * Saturday 21 November 2026.
 */
public final class SafetyFixtures {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    public static final LocalDate D0 = LocalDate.of(2026, 12, 10);
    public static final LocalDateTime START = D0.atTime(9, 0);

    public static final SiteFacts KNEE = new SiteFacts("Knee joint", BleedingClass.PERIPHERAL, JointSize.LARGE, Structure.JOINT);
    public static final SiteFacts LUMBAR_FACET = new SiteFacts("Lumbar facet joint", BleedingClass.THORACOLUMBAR_FACET,
            JointSize.SPINE, Structure.JOINT);
    public static final SiteFacts CERVICAL_FACET = new SiteFacts("Cervical facet joint", BleedingClass.CERVICAL_FACET,
            JointSize.SPINE, Structure.JOINT);
    public static final SiteFacts SACROILIAC = new SiteFacts("Sacroiliac joint", BleedingClass.SACROILIAC, JointSize.SPINE,
            Structure.JOINT);
    public static final SiteFacts TROCHANTERIC_BURSA = new SiteFacts("Greater trochanteric bursa", BleedingClass.SOFT_TISSUE,
            JointSize.SOFT_TISSUE, Structure.BURSA);
    public static final SiteFacts WRIST_TENDON_SHEATH = new SiteFacts("Wrist tendon sheath (e.g. de Quervain)",
            BleedingClass.SOFT_TISSUE, JointSize.SOFT_TISSUE, Structure.TENDON_SHEATH);
    public static final SiteFacts HAND_SMALL_JOINT = new SiteFacts("Hand small joint (MCP or IP)", BleedingClass.PERIPHERAL,
            JointSize.SMALL, Structure.JOINT);
    public static final SiteFacts WRIST = new SiteFacts("Wrist joint", BleedingClass.PERIPHERAL, JointSize.MEDIUM,
            Structure.JOINT);

    private SafetyFixtures() {
    }

    public static LocalDateTime at(int dayOffset, int hour) {
        return D0.plusDays(dayOffset).atTime(hour, 0);
    }

    public static LocalTime time(int hour) {
        return LocalTime.of(hour, 0);
    }

    public static PatientFacts.Builder adult() {
        return PatientFacts.builder().ageYears(64).sex(org.synovia.shared.Sex.MALE).weightKg(80.0).heightCm(178.0)
                .diabetes(org.synovia.safety.DiabetesType.NONE, false, null);
    }

    public static PlannedProcedure procedure(String code, SiteFacts site, Laterality side, Guidance guidance,
            List<PlannedDrug> drugs) {
        return PlannedProcedure.builder(code, site, guidance).side(side).drugs(drugs).start(START).build();
    }

    public static PlannedProcedure kneeSteroid(Laterality side, PlannedDrug steroid) {
        return procedure("KNEE_JOINT", KNEE, side, Guidance.ULTRASOUND, List.of(steroid));
    }

    public static PlannedProcedure cervicalFacet() {
        return procedure("FACET_CERVICAL", CERVICAL_FACET, Laterality.RIGHT, Guidance.FLUOROSCOPY,
                List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)));
    }

    public static PlannedProcedure lumbarFacet() {
        return procedure("FACET_LUMBAR", LUMBAR_FACET, Laterality.LEFT, Guidance.FLUOROSCOPY,
                List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)));
    }

    public static PlannedProcedure trochantericBursa() {
        return procedure("TROCHANTERIC_BURSA", TROCHANTERIC_BURSA, Laterality.RIGHT, Guidance.ULTRASOUND,
                List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)));
    }

    public static PlannedProcedure unbooked(PlannedProcedure p) {
        return new PlannedProcedure(p.siteCode(), p.site(), p.spinalLevel(), p.side(), p.guidance(), p.drugs(), p.contrast(),
                p.localDoseClass(), null, p.tendonAtRisk(), p.intoTendonSubstance());
    }

    public static SafetyInput input(PatientFacts patient, PlannedProcedure procedure, Medicine... medicines) {
        return new SafetyInput(patient, List.of(medicines), List.of(), List.of(), procedure);
    }

    public static SafetyAssessment assess(SafetyInput input) {
        return SafetyEngine.assess(input, LocalPolicy.defaults(), TODAY);
    }

    public static SafetyAssessment assess(SafetyInput input, LocalPolicy policy) {
        return SafetyEngine.assess(input, policy, TODAY);
    }
}
