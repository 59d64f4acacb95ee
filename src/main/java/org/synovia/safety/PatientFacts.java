package org.synovia.safety;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

/**
 * What the engine needs to know about the patient. Give either {@code dateOfBirth} or
 * {@code ageYears}; either a creatinine with its date (clearance by Cockcroft–Gault on actual weight,
 * facts AC-41) or {@code creatinineClearanceMlPerMin} directly. Unknown values are null: a rule that
 * needs one says so rather than guessing. Use {@link #builder()} to fill only what is known.
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
        boolean onInsulin,
        Integer hba1cMmolPerMol,
        List<Allergy> allergies,
        boolean previousContrastReaction,
        PregnancyStatus pregnancy,
        Integer pregnancyWeeks,
        LocalDate lastMenstrualPeriod,
        Integer cycleLengthDays,
        Boolean childbearingPotential,
        boolean infectionAtSite,
        boolean systemicInfection,
        boolean suspectedSepticJoint,
        boolean prostheticJointAtSite,
        PlannedJointReplacement plannedJointReplacement,
        ThromboticRiskMarkers thromboticRisk,
        BleedingRiskFactors bleedingRiskFactors,
        InrResult latestInr) {

    public PatientFacts {
        allergies = List.copyOf(allergies == null ? List.of() : allergies);
        sex = sex == null ? Sex.NOT_KNOWN : sex;
        diabetes = diabetes == null ? DiabetesType.NONE : diabetes;
        pregnancy = pregnancy == null ? PregnancyStatus.NOT_APPLICABLE : pregnancy;
        thromboticRisk = thromboticRisk == null ? ThromboticRiskMarkers.NONE : thromboticRisk;
        bleedingRiskFactors = bleedingRiskFactors == null ? BleedingRiskFactors.NONE : bleedingRiskFactors;
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

    public boolean diabetic() {
        return diabetes != DiabetesType.NONE;
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

    /** A joint replacement booked or being planned for a joint (facts RI-10, CI-13). */
    public record PlannedJointReplacement(LocalDate date, String siteCode, Laterality side) {

        public PlannedJointReplacement {
            new Checks().required("date", date).required("siteCode", siteCode).orThrow();
        }
    }

    /**
     * Markers of high thrombotic risk: a patient with any of them is never stopped automatically
     * (facts AC-42).
     */
    public record ThromboticRiskMarkers(boolean mechanicalHeartValve, LocalDate coronaryStentDate,
            boolean onDualAntiplateletTherapy, LocalDate lastVenousThromboembolism, LocalDate lastStroke) {

        public static final ThromboticRiskMarkers NONE = new ThromboticRiskMarkers(false, null, false, null, null);
    }

    /** Patient factors that move a procedure one bleeding-risk category higher (facts PR-06). */
    public record BleedingRiskFactors(boolean olderAge, boolean bleedingTendency, boolean advancedLiverDisease,
            boolean advancedRenalDisease) {

        public static final BleedingRiskFactors NONE = new BleedingRiskFactors(false, false, false, false);
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
        private boolean onInsulin;
        private Integer hba1cMmolPerMol;
        private List<Allergy> allergies = List.of();
        private boolean previousContrastReaction;
        private PregnancyStatus pregnancy;
        private Integer pregnancyWeeks;
        private LocalDate lastMenstrualPeriod;
        private Integer cycleLengthDays;
        private Boolean childbearingPotential;
        private boolean infectionAtSite;
        private boolean systemicInfection;
        private boolean suspectedSepticJoint;
        private boolean prostheticJointAtSite;
        private PlannedJointReplacement plannedJointReplacement;
        private ThromboticRiskMarkers thromboticRisk;
        private BleedingRiskFactors bleedingRiskFactors;
        private InrResult latestInr;

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
            this.diabetes = type;
            this.onInsulin = insulin;
            this.hba1cMmolPerMol = hba1cMmolPerMol;
            return this;
        }
        public Builder allergies(List<Allergy> value) { this.allergies = value; return this; }
        public Builder previousContrastReaction(boolean value) { this.previousContrastReaction = value; return this; }
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
        public Builder childbearingPotential(Boolean value) { this.childbearingPotential = value; return this; }
        public Builder infectionAtSite(boolean value) { this.infectionAtSite = value; return this; }
        public Builder systemicInfection(boolean value) { this.systemicInfection = value; return this; }
        public Builder suspectedSepticJoint(boolean value) { this.suspectedSepticJoint = value; return this; }
        public Builder prostheticJointAtSite(boolean value) { this.prostheticJointAtSite = value; return this; }
        public Builder plannedJointReplacement(PlannedJointReplacement value) { this.plannedJointReplacement = value; return this; }
        public Builder thromboticRisk(ThromboticRiskMarkers value) { this.thromboticRisk = value; return this; }
        public Builder bleedingRiskFactors(BleedingRiskFactors value) { this.bleedingRiskFactors = value; return this; }
        public Builder latestInr(InrResult value) { this.latestInr = value; return this; }

        public PatientFacts build() {
            return new PatientFacts(dateOfBirth, ageYears, sex, weightKg, heightCm, creatinineUmolPerL, creatinineDate,
                    creatinineClearanceMlPerMin, diabetes, onInsulin, hba1cMmolPerMol, allergies,
                    previousContrastReaction, pregnancy, pregnancyWeeks, lastMenstrualPeriod, cycleLengthDays,
                    childbearingPotential, infectionAtSite, systemicInfection, suspectedSepticJoint,
                    prostheticJointAtSite, plannedJointReplacement, thromboticRisk, bleedingRiskFactors, latestInr);
        }
    }
}
