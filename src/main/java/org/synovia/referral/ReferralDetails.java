package org.synovia.referral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Laterality;
import org.synovia.shared.YesNoUnknown;

/**
 * Everything a referrer tells the service about one patient and one requested session of injections:
 * the main target ({@code siteCode}, {@code laterality}, {@code spinalLevel}, {@code requestedInjectate})
 * and any further targets injected in the same session ({@code additionalTargets}, ADR 0040). Checked
 * by {@link ReferralValidation} before it is stored; field names match the referral form so that
 * each problem is shown beside its field. Every yes/no clinical question is a {@link YesNoUnknown}: a
 * question not answered is "not known", never "no" (ADR 0031).
 */
public record ReferralDetails(
        java.util.UUID patientId,
        String siteCode,
        Laterality laterality,
        String spinalLevel,
        Intent intent,
        Indication indication,
        String indicationDetail,
        String clinicalQuestion,
        List<TreatmentTried> treatments,
        List<PreviousInjection> previousInjections,
        List<AntithromboticMedicine> antithrombotics,
        String otherMedicines,
        boolean noKnownAllergies,
        List<Allergy> allergies,
        DiabetesType diabetes,
        YesNoUnknown takesInsulin,
        Integer hba1cMmolPerMol,
        YesNoUnknown prostheticJointAtSite,
        YesNoUnknown infectionAtSite,
        YesNoUnknown systemicInfection,
        PregnancyPossibility pregnancy,
        BigDecimal weightKg,
        Integer creatinineUmolPerL,
        Integer egfr,
        LocalDate renalTestDate,
        Urgency urgency,
        Referrer referrer,
        RequestedInjectate requestedInjectate,
        boolean radicularPain,
        ReferrerSetting referrerSetting,
        BigDecimal heightCm,
        ThromboticRisk thromboticRisk,
        YesNoUnknown suspectedSepticJoint,
        YesNoUnknown previousContrastReaction,
        YesNoUnknown olderAge,
        YesNoUnknown bleedingTendency,
        YesNoUnknown advancedLiverDisease,
        YesNoUnknown advancedRenalDisease,
        BigDecimal inrValue,
        LocalDate inrDate,
        YesNoUnknown childbearingPotential,
        LocalDate lastMenstrualPeriod,
        boolean pregnancyAskedPrivately,
        LocalDate plannedReplacementDate,
        String plannedReplacementSurgeonName,
        String plannedReplacementSurgeonEmail,
        List<Target> additionalTargets) {

    public ReferralDetails {
        additionalTargets = List.copyOf(additionalTargets == null ? List.of() : additionalTargets);
        treatments = List.copyOf(treatments == null ? List.of() : treatments);
        previousInjections = List.copyOf(previousInjections == null ? List.of() : previousInjections);
        antithrombotics = List.copyOf(antithrombotics == null ? List.of() : antithrombotics);
        allergies = List.copyOf(allergies == null ? List.of() : allergies);
        spinalLevel = blankToNull(spinalLevel);
        indicationDetail = blankToNull(indicationDetail);
        clinicalQuestion = blankToNull(clinicalQuestion);
        otherMedicines = blankToNull(otherMedicines);
        thromboticRisk = thromboticRisk == null ? ThromboticRisk.NOT_RECORDED : thromboticRisk;
        takesInsulin = known(takesInsulin);
        prostheticJointAtSite = known(prostheticJointAtSite);
        infectionAtSite = known(infectionAtSite);
        systemicInfection = known(systemicInfection);
        suspectedSepticJoint = known(suspectedSepticJoint);
        previousContrastReaction = known(previousContrastReaction);
        olderAge = known(olderAge);
        bleedingTendency = known(bleedingTendency);
        advancedLiverDisease = known(advancedLiverDisease);
        advancedRenalDisease = known(advancedRenalDisease);
        childbearingPotential = known(childbearingPotential);
        plannedReplacementSurgeonName = blankToNull(plannedReplacementSurgeonName);
        plannedReplacementSurgeonEmail = blankToNull(plannedReplacementSurgeonEmail);
        inrValue = inrValue == null ? null : inrValue.setScale(1, java.math.RoundingMode.HALF_UP);
        // Stored to 0.1 kg and 0.1 cm: the same scale in memory makes a stored referral equal to what was sent.
        weightKg = weightKg == null ? null : weightKg.setScale(1, java.math.RoundingMode.HALF_UP);
        heightCm = heightCm == null ? null : heightCm.setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /** A referral with the main target only, as the doors without a list of targets (HL7, CDS Hooks) send it. */
    public ReferralDetails(java.util.UUID patientId, String siteCode, Laterality laterality, String spinalLevel, Intent intent,
            Indication indication, String indicationDetail, String clinicalQuestion, List<TreatmentTried> treatments,
            List<PreviousInjection> previousInjections, List<AntithromboticMedicine> antithrombotics, String otherMedicines,
            boolean noKnownAllergies, List<Allergy> allergies, DiabetesType diabetes, YesNoUnknown takesInsulin,
            Integer hba1cMmolPerMol, YesNoUnknown prostheticJointAtSite, YesNoUnknown infectionAtSite,
            YesNoUnknown systemicInfection, PregnancyPossibility pregnancy, BigDecimal weightKg, Integer creatinineUmolPerL,
            Integer egfr, LocalDate renalTestDate, Urgency urgency, Referrer referrer, RequestedInjectate requestedInjectate,
            boolean radicularPain, ReferrerSetting referrerSetting, BigDecimal heightCm, ThromboticRisk thromboticRisk,
            YesNoUnknown suspectedSepticJoint, YesNoUnknown previousContrastReaction, YesNoUnknown olderAge,
            YesNoUnknown bleedingTendency, YesNoUnknown advancedLiverDisease, YesNoUnknown advancedRenalDisease,
            BigDecimal inrValue, LocalDate inrDate, YesNoUnknown childbearingPotential, LocalDate lastMenstrualPeriod,
            boolean pregnancyAskedPrivately, LocalDate plannedReplacementDate, String plannedReplacementSurgeonName,
            String plannedReplacementSurgeonEmail) {
        this(patientId, siteCode, laterality, spinalLevel, intent, indication, indicationDetail, clinicalQuestion, treatments,
                previousInjections, antithrombotics, otherMedicines, noKnownAllergies, allergies, diabetes, takesInsulin,
                hba1cMmolPerMol, prostheticJointAtSite, infectionAtSite, systemicInfection, pregnancy, weightKg,
                creatinineUmolPerL, egfr, renalTestDate, urgency, referrer, requestedInjectate, radicularPain, referrerSetting,
                heightCm, thromboticRisk, suspectedSepticJoint, previousContrastReaction, olderAge, bleedingTendency,
                advancedLiverDisease, advancedRenalDisease, inrValue, inrDate, childbearingPotential, lastMenstrualPeriod,
                pregnancyAskedPrivately, plannedReplacementDate, plannedReplacementSurgeonName, plannedReplacementSurgeonEmail,
                List.of());
    }

    /** Every target of the session, the main one first: what the letter, the day list and the engine each list. */
    public List<Target> targets() {
        List<Target> all = new java.util.ArrayList<>();
        all.add(new Target(siteCode, laterality, spinalLevel, requestedInjectate));
        all.addAll(additionalTargets);
        return List.copyOf(all);
    }

    /**
     * One target of the session: the site, its side, the spinal level for spinal sites, and what the
     * referrer asks to be injected there (the radiologist protocols drugs and volumes per target).
     */
    public record Target(String siteCode, Laterality laterality, String spinalLevel, RequestedInjectate requestedInjectate) {

        public Target {
            siteCode = blankToNull(siteCode);
            spinalLevel = blankToNull(spinalLevel);
        }

        /** The same site, side and level: a target given twice would be counted twice by the engine. */
        public boolean sameAs(Target other) {
            return java.util.Objects.equals(siteCode, other.siteCode) && laterality == other.laterality
                    && java.util.Objects.equals(normalisedLevel(spinalLevel), normalisedLevel(other.spinalLevel));
        }

        private static String normalisedLevel(String level) {
            return level == null ? null : level.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** Whether insulin is recorded as taken: the appointment letter's advice to keep taking it. */
    public boolean onInsulin() {
        return takesInsulin.isYes();
    }

    private static YesNoUnknown known(YesNoUnknown value) {
        return value == null ? YesNoUnknown.NOT_KNOWN : value;
    }

    /**
     * Markers of high thrombotic risk: with any of them a blood thinner is never stopped automatically;
     * the prescriber decides (facts AC-42).
     */
    public record ThromboticRisk(YesNoUnknown mechanicalHeartValve, LocalDate coronaryStentDate, LocalDate lastVteDate,
            LocalDate lastStrokeDate) {

        /** Asked, and none present. */
        public static final ThromboticRisk NONE = new ThromboticRisk(YesNoUnknown.NO, null, null, null);
        /** Nothing asked: the valve question is "not known". */
        public static final ThromboticRisk NOT_RECORDED = new ThromboticRisk(YesNoUnknown.NOT_KNOWN, null, null, null);

        public ThromboticRisk {
            mechanicalHeartValve = known(mechanicalHeartValve);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A conservative treatment and how long it was tried. */
    public record TreatmentTried(TreatmentKind kind, Integer durationWeeks, String detail) {

        public TreatmentTried {
            detail = blankToNull(detail);
        }
    }

    /** An injection the patient had before, as the referrer knows it. */
    public record PreviousInjection(String siteCode, Laterality laterality, LocalDate date, String drug) {

        public PreviousInjection {
            drug = blankToNull(drug);
        }
    }

    /** A blood thinner with its dose and when it is taken (times matter for hold plans, facts AC-40). */
    public record AntithromboticMedicine(Antithrombotic drug, String dose, DoseFrequency frequency, String doseTimes) {

        public AntithromboticMedicine {
            dose = blankToNull(dose);
            doseTimes = blankToNull(doseTimes);
        }
    }

    /** An allergy with the agent and the reaction, never just "iodine allergy" (facts CM-06). */
    public record Allergy(AllergyCategory category, String agent, String reaction) {

        public Allergy {
            agent = blankToNull(agent);
            reaction = blankToNull(reaction);
        }
    }

    /** Who referred, for questions and for the report. */
    public record Referrer(String name, String role, String organisation, String phone, String email) {

        public Referrer {
            name = blankToNull(name);
            role = blankToNull(role);
            organisation = blankToNull(organisation);
            phone = blankToNull(phone);
            email = blankToNull(email);
        }
    }
}
