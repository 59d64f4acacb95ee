package org.synovia.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.synovia.shared.InvalidInputException;
import org.synovia.shared.YesNoUnknown;

/**
 * The one table of codes by which hospital systems name the clinical facts a referral carries. The HL7 order
 * (OBX-3), the FHIR ServiceRequest's contained Observations and the CDS Hooks prefetch all read their results
 * and answers through it into {@link ReferralDetails}, and {@link ReferralSafety} alone turns those details into
 * the safety engine's input, so that a code means the same fact at every door. The tables are printed in
 * docs/integration/hl7v2.md, fhir.md and cds-hooks.md.
 */
public final class ClinicalCodes {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ICD_10 = "http://hl7.org/fhir/sid/icd-10";

    /** LOINC 82810-3 Pregnancy status, answered from the LOINC answer list LL4129-4. */
    public static final String PREGNANCY_STATUS = "82810-3";
    public static final String PREGNANT = "LA15173-0";
    public static final String NOT_PREGNANT = "LA26683-5";
    public static final String PREGNANCY_UNKNOWN = "LA4489-6";

    /** mg/dL to µmol/L for creatinine (molar mass 113.12 g/mol). */
    static final double CREATININE_MG_DL_TO_UMOL_L = 88.4;

    private ClinicalCodes() {
    }

    /**
     * A result or dated fact, by the referral field it fills, with its local HL7 OBX code (the enum name) and
     * the LOINC codes that carry it. The first LOINC code is the one Synovia sends.
     */
    public enum Measured {
        /** Body weight, measured or stated. */
        WEIGHT_KG("weightKg", "kg", "29463-7", "3141-9"),
        HEIGHT_CM("heightCm", "cm", "8302-2"),
        /** Creatinine in serum or plasma, in µmol/L (14682-9) or mg/dL (2160-0, converted). */
        CREATININE_UMOL_L("creatinineUmolPerL", "umol/L", "14682-9", "2160-0"),
        /** eGFR by MDRD (33914-3), CKD-EPI (62238-1, 98979-8) or any equation (69405-9). */
        EGFR("egfr", "mL/min/{1.73_m2}", "33914-3", "62238-1", "98979-8", "69405-9"),
        HBA1C_MMOL_MOL("hba1cMmolPerMol", "mmol/mol", "59261-8"),
        /**
         * INR in platelet-poor plasma (6301-6), in blood (34714-6) or either (38875-1); the result's date is
         * required.
         */
        INR("inrValue", "{INR}", "6301-6", "34714-6", "38875-1"),
        /** First day of the last menstrual period (a date answer). */
        LAST_MENSTRUAL_PERIOD("lastMenstrualPeriod", null, "8665-2");

        private final String field;
        private final String unit;
        private final List<String> loinc;

        Measured(String field, String unit, String... loinc) {
            this.field = field;
            this.unit = unit;
            this.loinc = List.of(loinc);
        }

        /** The referral form's field it fills. */
        public String field() {
            return field;
        }

        /** The UCUM unit Synovia expects; null for a date. */
        public String unit() {
            return unit;
        }

        public List<String> loinc() {
            return loinc;
        }

        /** The local OBX-3 code in the system SYNOVIA. */
        public String localCode() {
            return name();
        }
    }

    /**
     * A yes/no clinical question, by the referral field it answers, with its local HL7 OBX code. The answer is
     * three-valued: absent or "U" is not known, never no.
     */
    public enum Question {
        ON_INSULIN("takesInsulin"),
        PROSTHESIS_AT_SITE("prostheticJointAtSite"),
        INFECTION_AT_SITE("infectionAtSite"),
        SYSTEMIC_INFECTION("systemicInfection"),
        SUSPECTED_SEPTIC_JOINT("suspectedSepticJoint"),
        PREVIOUS_CONTRAST_REACTION("previousContrastReaction"),
        MECHANICAL_HEART_VALVE("mechanicalHeartValve"),
        OLDER_AGE("olderAge"),
        BLEEDING_TENDENCY("bleedingTendency"),
        ADVANCED_LIVER_DISEASE("advancedLiverDisease"),
        ADVANCED_RENAL_DISEASE("advancedRenalDisease"),
        CHILDBEARING_POTENTIAL("childbearingPotential");

        private final String field;

        Question(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }

        public String localCode() {
            return name();
        }
    }

    /** The measured fact a LOINC code carries, if it is one the referral records. */
    public static Optional<Measured> byLoinc(String code) {
        return Arrays.stream(Measured.values()).filter(m -> m.loinc.contains(code)).findFirst();
    }

    /** A measured fact by its local code or any of its LOINC codes. */
    public static Optional<Measured> measured(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String local = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(Measured.values()).filter(m -> m.name().equals(local)).findFirst().or(() -> byLoinc(code.strip()));
    }

    /** A yes/no question by its local code. */
    public static Optional<Question> question(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String local = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(Question.values()).filter(q -> q.name().equals(local)).findFirst();
    }

    /**
     * A yes/no answer as HL7 table 0136 (Y, N), FHIR (true, false) or words give it; absent, "U", "UNK" or
     * "NOT_KNOWN" is not known. Anything else is refused, naming {@code place}.
     */
    public static YesNoUnknown answer(String value, String place) {
        try {
            return YesNoUnknown.from(value);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(place, "must be Y (yes), N (no) or U (not known), not " + value);
        }
    }

    /** Creatinine in µmol/L from a result in µmol/L or mg/dL (by its unit). */
    public static double creatinineUmolPerL(double value, String unit) {
        return unit != null && unit.replace(" ", "").equalsIgnoreCase("mg/dL") ? value * CREATININE_MG_DL_TO_UMOL_L : value;
    }

    /** The pregnancy answer a LOINC 82810-3 result gives; unknown is "possibly pregnant", not "not pregnant". */
    public static Optional<PregnancyPossibility> pregnancyStatus(String answerCode) {
        return Optional.ofNullable(switch (answerCode == null ? "" : answerCode) {
            case PREGNANT -> PregnancyPossibility.PREGNANT;
            case NOT_PREGNANT -> PregnancyPossibility.NOT_PREGNANT;
            case PREGNANCY_UNKNOWN -> PregnancyPossibility.POSSIBLE;
            default -> null;
        });
    }

    /**
     * Diabetes from SNOMED CT (46635009 type 1, 44054006 type 2, 73211009 diabetes mellitus) or ICD-10
     * (E10 type 1, E11 type 2, E13 and E14 other); null for any other code.
     */
    public static DiabetesType diabetes(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        switch (c) {
            case "46635009": return DiabetesType.TYPE_1;
            case "44054006": return DiabetesType.TYPE_2;
            case "73211009": return DiabetesType.OTHER;
            default: break;
        }
        if (c.length() < 3) {
            return null;
        }
        return switch (c.substring(0, 3)) {
            case "E10" -> DiabetesType.TYPE_1;
            case "E11" -> DiabetesType.TYPE_2;
            case "E13", "E14" -> DiabetesType.OTHER;
            default -> null;
        };
    }
}
