package org.synovia.safety;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;
import org.synovia.shared.YesNoUnknown;

/**
 * What the engine needs to know about the patient. Give either {@code dateOfBirth} or
 * {@code ageYears}; either a creatinine with its date (clearance by Cockcroft–Gault on actual weight,
 * facts AC-41) or {@code creatinineClearanceMlPerMin} directly. Unknown values are null, and every yes/no
 * fact is a {@link YesNoUnknown} that is "not known" unless recorded: a rule that needs one says so rather
 * than guessing. Use {@link #builder()} to fill only what is known.
 */
public record PatientFacts(
        LocalDate dateOfBirth,
        Integer ageYears,
        Sex sex,
        Double weightKg,
        Double heightCm,
        Integer creatinineUmolPerL,
        LocalDate creatinineDate,
        Double creatinineClearanceMlPerMin,
        DiabetesType diabetes,
        YesNoUnknown onInsulin,
        Integer hba1cMmolPerMol,
        List<Allergy> allergies,
        YesNoUnknown previousContrastReaction,
        PregnancyStatus pregnancy,
        Integer pregnancyWeeks,
        LocalDate lastMenstrualPeriod,
        Integer cycleLengthDays,
        YesNoUnknown childbearingPotential,
        YesNoUnknown infectionAtSite,
        YesNoUnknown systemicInfection,
        YesNoUnknown suspectedSepticJoint,
        YesNoUnknown prostheticJointAtSite,
        PlannedJointReplacement plannedJointReplacement,
        ThromboticRiskMarkers thromboticRisk,
        BleedingRiskFactors bleedingRiskFactors,
        InrResult latestInr,
        DayObservations observations) {

    public PatientFacts {
        allergies = List.copyOf(allergies == null ? List.of() : allergies);
        sex = sex == null ? Sex.NOT_KNOWN : sex;
        diabetes = diabetes == null ? DiabetesType.NOT_RECORDED : diabetes;
        pregnancy = pregnancy == null ? PregnancyStatus.NOT_RECORDED : pregnancy;
        onInsulin = known(onInsulin);
        previousContrastReaction = known(previousContrastReaction);
        childbearingPotential = known(childbearingPotential);
        infectionAtSite = known(infectionAtSite);
        systemicInfection = known(systemicInfection);
        suspectedSepticJoint = known(suspectedSepticJoint);
        prostheticJointAtSite = known(prostheticJointAtSite);
        thromboticRisk = thromboticRisk == null ? ThromboticRiskMarkers.NOT_RECORDED : thromboticRisk;
        bleedingRiskFactors = bleedingRiskFactors == null ? BleedingRiskFactors.NOT_RECORDED : bleedingRiskFactors;
        new Checks()
                .range("ageYears", ageYears, 0, 120, "years")
                .range("weightKg", weightKg, 2, 400, "kg")
                .range("heightCm", heightCm, 40, 250, "cm")
                .range("creatinineUmolPerL", creatinineUmolPerL, 10, 3000, "µmol/L")
                .that(creatinineUmolPerL == null || creatinineDate != null, "creatinineDate",
                        "is required with a creatinine result, so that an old result can be noticed")
                .range("creatinineClearanceMlPerMin", creatinineClearanceMlPerMin, 0, 300, "mL/min")
                .range("hba1cMmolPerMol", hba1cMmolPerMol, 20, 200, "mmol/mol")
                .range("pregnancyWeeks", pregnancyWeeks, 0, 45, "weeks")
                .range("cycleLengthDays", cycleLengthDays, 15, 90, "days")
                .orThrow();
    }

    /** Age in whole years on a date, from the date of birth when known. */
    public Integer ageOn(LocalDate date) {
        if (dateOfBirth != null) {
            return Period.between(dateOfBirth, date).getYears();
        }
        return ageYears;
    }

    /**
     * The same facts with what was measured on the procedure day: the sign-in observations and, when taken on
     * the day, the INR (which then replaces an older one).
     */
    public PatientFacts withDay(DayObservations day, InrResult inrOnTheDay) {
        return new PatientFacts(dateOfBirth, ageYears, sex, weightKg, heightCm, creatinineUmolPerL, creatinineDate,
                creatinineClearanceMlPerMin, diabetes, onInsulin, hba1cMmolPerMol, allergies, previousContrastReaction,
                pregnancy, pregnancyWeeks, lastMenstrualPeriod, cycleLengthDays, childbearingPotential, infectionAtSite,
                systemicInfection, suspectedSepticJoint, prostheticJointAtSite, plannedJointReplacement, thromboticRisk,
                bleedingRiskFactors, inrOnTheDay == null ? latestInr : inrOnTheDay, day);
    }

    /** Known to have diabetes; "not recorded" is neither yes nor no (see {@link #diabetesNotRecorded()}). */
    public boolean diabetic() {
        return diabetes != DiabetesType.NONE && diabetes != DiabetesType.NOT_RECORDED;
    }

    public boolean diabetesNotRecorded() {
        return diabetes == DiabetesType.NOT_RECORDED;
    }

    private static YesNoUnknown known(YesNoUnknown value) {
        return value == null ? YesNoUnknown.NOT_KNOWN : value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An allergy with the agent and reaction; never just "iodine allergy" (facts CM-06). */
    public record Allergy(AllergyCategory category, String agent, String reaction) {

        public Allergy {
            new Checks().required("category", category).orThrow();
        }
    }

    /**
     * A joint replacement booked or being planned for a joint (facts RI-10, CI-13), with the surgeon who
     * must hear of an injection planned too close to it (name and email when the referral gives them).
     */
    public record PlannedJointReplacement(LocalDate date, String siteCode, Laterality side, String surgeonName,
            String surgeonEmail) {

        public PlannedJointReplacement {
            new Checks().required("date", date).required("siteCode", siteCode).orThrow();
        }

        public PlannedJointReplacement(LocalDate date, String siteCode, Laterality side) {
            this(date, siteCode, side, null, null);
        }
    }

    /**
     * Markers of high thrombotic risk: a patient with any of them is never stopped automatically
     * (facts AC-42).
     */
    public record ThromboticRiskMarkers(YesNoUnknown mechanicalHeartValve, LocalDate coronaryStentDate,
            YesNoUnknown onDualAntiplateletTherapy, LocalDate lastVenousThromboembolism, LocalDate lastStroke) {

        /** Asked, and none present. */
        public static final ThromboticRiskMarkers NONE = new ThromboticRiskMarkers(YesNoUnknown.NO, null, YesNoUnknown.NO,
                null, null);
        /** Not asked: nothing known either way. */
        public static final ThromboticRiskMarkers NOT_RECORDED = new ThromboticRiskMarkers(YesNoUnknown.NOT_KNOWN, null,
                YesNoUnknown.NOT_KNOWN, null, null);

        public ThromboticRiskMarkers {
            mechanicalHeartValve = known(mechanicalHeartValve);
            onDualAntiplateletTherapy = known(onDualAntiplateletTherapy);
        }

        public ThromboticRiskMarkers(boolean mechanicalHeartValve, LocalDate coronaryStentDate,
                boolean onDualAntiplateletTherapy, LocalDate lastVenousThromboembolism, LocalDate lastStroke) {
            this(YesNoUnknown.of(mechanicalHeartValve), coronaryStentDate, YesNoUnknown.of(onDualAntiplateletTherapy),
                    lastVenousThromboembolism, lastStroke);
        }
    }

    /** Patient factors that move a procedure one bleeding-risk category higher (facts PR-06). */
    public record BleedingRiskFactors(YesNoUnknown olderAge, YesNoUnknown bleedingTendency,
            YesNoUnknown advancedLiverDisease, YesNoUnknown advancedRenalDisease) {

        /** Asked, and none present. */
        public static final BleedingRiskFactors NONE = new BleedingRiskFactors(false, false, false, false);
        /** Not asked: the ASRA upgrade (PR-06) cannot be assessed. */
        public static final BleedingRiskFactors NOT_RECORDED = new BleedingRiskFactors(YesNoUnknown.NOT_KNOWN,
                YesNoUnknown.NOT_KNOWN, YesNoUnknown.NOT_KNOWN, YesNoUnknown.NOT_KNOWN);

        public BleedingRiskFactors {
            olderAge = known(olderAge);
            bleedingTendency = known(bleedingTendency);
            advancedLiverDisease = known(advancedLiverDisease);
            advancedRenalDisease = known(advancedRenalDisease);
        }

        public BleedingRiskFactors(boolean olderAge, boolean bleedingTendency, boolean advancedLiverDisease,
                boolean advancedRenalDisease) {
            this(YesNoUnknown.of(olderAge), YesNoUnknown.of(bleedingTendency), YesNoUnknown.of(advancedLiverDisease),
                    YesNoUnknown.of(advancedRenalDisease));
        }
    }

    /**
     * What is measured on the procedure day at sign-in (facts CI-03, CI-06, CI-07, CI-08, PR-07): values,
     * not ticks. Any value may be missing; the state of the target is three-valued.
     */
    public record DayObservations(java.time.LocalDateTime measuredAt, Double temperatureCelsius,
            Double capillaryGlucoseMmolPerL, Integer systolicMmHg, Integer diastolicMmHg, YesNoUnknown targetHot,
            YesNoUnknown targetSwollen, YesNoUnknown targetRed) {

        public DayObservations {
            targetHot = known(targetHot);
            targetSwollen = known(targetSwollen);
            targetRed = known(targetRed);
            new Checks().required("measuredAt", measuredAt)
                    .range("temperatureCelsius", temperatureCelsius, 30, 44, "°C")
                    .range("capillaryGlucoseMmolPerL", capillaryGlucoseMmolPerL, 0.5, 60, "mmol/L")
                    .range("systolicMmHg", systolicMmHg, 50, 300, "mmHg")
                    .range("diastolicMmHg", diastolicMmHg, 20, 200, "mmHg")
                    .orThrow();
        }
    }

    /** An INR result and the day it was taken (facts AC-01, AC-21, PR-07). */
    public record InrResult(double value, LocalDate date) {

        public InrResult {
            new Checks().range("value", value, 0.5, 15, "").required("date", date).orThrow();
        }
    }

    /** Fills a {@link PatientFacts} one known fact at a time. */
    public static final class Builder {
        private LocalDate dateOfBirth;
        private Integer ageYears;
        private Sex sex;
        private Double weightKg;
        private Double heightCm;
        private Integer creatinineUmolPerL;
        private LocalDate creatinineDate;
        private Double creatinineClearanceMlPerMin;
        private DiabetesType diabetes;
        private YesNoUnknown onInsulin;
        private Integer hba1cMmolPerMol;
        private List<Allergy> allergies = List.of();
        private YesNoUnknown previousContrastReaction;
        private PregnancyStatus pregnancy;
        private Integer pregnancyWeeks;
        private LocalDate lastMenstrualPeriod;
        private Integer cycleLengthDays;
        private YesNoUnknown childbearingPotential;
        private YesNoUnknown infectionAtSite;
        private YesNoUnknown systemicInfection;
        private YesNoUnknown suspectedSepticJoint;
        private YesNoUnknown prostheticJointAtSite;
        private PlannedJointReplacement plannedJointReplacement;
        private ThromboticRiskMarkers thromboticRisk;
        private BleedingRiskFactors bleedingRiskFactors;
        private InrResult latestInr;
        private DayObservations observations;

        private Builder() {
        }

        public Builder dateOfBirth(LocalDate value) { this.dateOfBirth = value; return this; }
        public Builder ageYears(Integer value) { this.ageYears = value; return this; }
        public Builder sex(Sex value) { this.sex = value; return this; }
        public Builder weightKg(Double value) { this.weightKg = value; return this; }
        public Builder heightCm(Double value) { this.heightCm = value; return this; }
        public Builder creatinine(Integer umolPerL, LocalDate measuredOn) {
            this.creatinineUmolPerL = umolPerL;
            this.creatinineDate = measuredOn;
            return this;
        }
        public Builder creatinineClearanceMlPerMin(Double value) { this.creatinineClearanceMlPerMin = value; return this; }
        public Builder diabetes(DiabetesType type, boolean insulin, Integer hba1cMmolPerMol) {
            return diabetes(type, YesNoUnknown.of(insulin), hba1cMmolPerMol);
        }
        public Builder diabetes(DiabetesType type, YesNoUnknown insulin, Integer hba1cMmolPerMol) {
            this.diabetes = type;
            this.onInsulin = insulin;
            this.hba1cMmolPerMol = hba1cMmolPerMol;
            return this;
        }
        public Builder allergies(List<Allergy> value) { this.allergies = value; return this; }
        public Builder previousContrastReaction(boolean value) { return previousContrastReaction(YesNoUnknown.of(value)); }
        public Builder previousContrastReaction(YesNoUnknown value) { this.previousContrastReaction = value; return this; }
        public Builder pregnancy(PregnancyStatus value, Integer weeks) {
            this.pregnancy = value;
            this.pregnancyWeeks = weeks;
            return this;
        }
        public Builder menstrualCycle(LocalDate lastPeriod, Integer cycleLengthDays) {
            this.lastMenstrualPeriod = lastPeriod;
            this.cycleLengthDays = cycleLengthDays;
            return this;
        }
        public Builder childbearingPotential(Boolean value) { return childbearingPotential(YesNoUnknown.of(value)); }
        public Builder childbearingPotential(YesNoUnknown value) { this.childbearingPotential = value; return this; }
        public Builder infectionAtSite(boolean value) { return infectionAtSite(YesNoUnknown.of(value)); }
        public Builder infectionAtSite(YesNoUnknown value) { this.infectionAtSite = value; return this; }
        public Builder systemicInfection(boolean value) { return systemicInfection(YesNoUnknown.of(value)); }
        public Builder systemicInfection(YesNoUnknown value) { this.systemicInfection = value; return this; }
        public Builder suspectedSepticJoint(boolean value) { return suspectedSepticJoint(YesNoUnknown.of(value)); }
        public Builder suspectedSepticJoint(YesNoUnknown value) { this.suspectedSepticJoint = value; return this; }
        public Builder prostheticJointAtSite(boolean value) { return prostheticJointAtSite(YesNoUnknown.of(value)); }
        public Builder prostheticJointAtSite(YesNoUnknown value) { this.prostheticJointAtSite = value; return this; }
        public Builder plannedJointReplacement(PlannedJointReplacement value) { this.plannedJointReplacement = value; return this; }
        public Builder thromboticRisk(ThromboticRiskMarkers value) { this.thromboticRisk = value; return this; }
        public Builder bleedingRiskFactors(BleedingRiskFactors value) { this.bleedingRiskFactors = value; return this; }
        public Builder latestInr(InrResult value) { this.latestInr = value; return this; }
        public Builder observations(DayObservations value) { this.observations = value; return this; }

        public PatientFacts build() {
            return new PatientFacts(dateOfBirth, ageYears, sex, weightKg, heightCm, creatinineUmolPerL, creatinineDate,
                    creatinineClearanceMlPerMin, diabetes, onInsulin, hba1cMmolPerMol, allergies,
                    previousContrastReaction, pregnancy, pregnancyWeeks, lastMenstrualPeriod, cycleLengthDays,
                    childbearingPotential, infectionAtSite, systemicInfection, suspectedSepticJoint,
                    prostheticJointAtSite, plannedJointReplacement, thromboticRisk, bleedingRiskFactors, latestInr, observations);
        }
    }
}
