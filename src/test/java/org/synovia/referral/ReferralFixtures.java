package org.synovia.referral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Laterality;
import org.synovia.shared.YesNoUnknown;

/** Referrals that pass validation, to be varied one field at a time by tests. */
public final class ReferralFixtures {

    private ReferralFixtures() {
    }

    /** The knee referral of a patient allergic to lidocaine (urticaria). */
    public static ReferralDetails kneeAllergicToLidocaine(UUID patientId) {
        return org.synovia.testing.RecordCopies.with(kneeOnApixaban(patientId), "allergies",
                List.of(new ReferralDetails.Allergy(AllergyCategory.LOCAL_ANAESTHETIC, "Lidocaine", "Urticaria")));
    }

    public static ReferralDetails kneeOnApixaban(UUID patientId) {
        return new ReferralDetails(patientId, "KNEE_JOINT", Laterality.LEFT, null, Intent.THERAPEUTIC,
                Indication.OSTEOARTHRITIS, null, "Left knee OA, effusion, failed physiotherapy.",
                List.of(new ReferralDetails.TreatmentTried(TreatmentKind.PHYSIOTHERAPY, 12, null)),
                List.of(new ReferralDetails.PreviousInjection("KNEE_JOINT", Laterality.LEFT, LocalDate.of(2026, 1, 5),
                        "Methylprednisolone acetate 40 mg")),
                List.of(new ReferralDetails.AntithromboticMedicine(Antithrombotic.APIXABAN, "5 mg",
                        DoseFrequency.TWICE_DAILY, "08:00, 20:00")),
                "Paracetamol 1 g qds", false,
                List.of(new ReferralDetails.Allergy(AllergyCategory.OTHER, "Penicillin", "Rash")),
                DiabetesType.TYPE_2, YesNoUnknown.YES, 70, YesNoUnknown.NO, YesNoUnknown.NO, YesNoUnknown.NO, PregnancyPossibility.NOT_APPLICABLE,
                new BigDecimal("80.5"), 90, null, LocalDate.of(2026, 10, 1), Urgency.ROUTINE,
                new ReferralDetails.Referrer("Dr Test", "Consultant", "Test Hospital", "0118 496 0000", "test@example.com"),
                RequestedInjectate.CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC, false, ReferrerSetting.SECONDARY_CARE,
                new BigDecimal("170"), ReferralDetails.ThromboticRisk.NONE, YesNoUnknown.NO, YesNoUnknown.NO, null, null,
                null, null, null, null, null, null, false, null, null, null);
    }
}
