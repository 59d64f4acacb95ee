package org.synovia.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.synovia.shared.Antithrombotic;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.YesNoUnknown;

/**
 * The one table of codes by which hospital systems name the clinical facts a referral carries. The HL7 order
 * (OBX-3, AL1), the FHIR referral's resources and the CDS Hooks prefetch (both through {@link FhirFacts}) all
 * read their results, medicines, allergies and answers through it into {@link ReferralDetails}, and {@link ReferralSafety} alone turns those details into
 * the safety engine's input, so that a code means the same fact at every door. The whole table is rendered into
 * docs/integration/codes.md by a test, which fails when the committed copy differs from this class.
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

    /** SNOMED CT findings for pregnancy, as a Condition or an Observation's value. */
    public static final String SNOMED_PREGNANT = "77386006";
    public static final String SNOMED_NOT_PREGNANT = "60001007";

    /** SNOMED CT answers (qualifier values) to a yes/no question: yes, no, unknown. */
    public static final String ANSWER_YES = "373066001";
    public static final String ANSWER_NO = "373067005";
    public static final String ANSWER_UNKNOWN = "261665006";

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
        /** SNOMED CT 19943007 cirrhosis of liver. */
        ADVANCED_LIVER_DISEASE("advancedLiverDisease", "19943007"),
        /** SNOMED CT 46177005 end-stage renal disease. */
        ADVANCED_RENAL_DISEASE("advancedRenalDisease", "46177005"),
        CHILDBEARING_POTENTIAL("childbearingPotential");

        private final String field;
        private final List<String> snomed;

        Question(String field, String... snomed) {
            this.field = field;
            this.snomed = List.of(snomed);
        }

        public String field() {
            return field;
        }

        public String localCode() {
            return name();
        }

        /**
         * SNOMED CT findings that answer the question "yes" when recorded as an active Condition, or that ask it
         * as an Observation's code with a yes/no answer. Empty where no code is known to us: the question then
         * travels only as its local code (HL7) or the form's item (FHIR).
         */
        public List<String> snomed() {
            return snomed;
        }
    }

    /**
     * An allergen a hospital system names by SNOMED CT substance code, in the class the referral records. The
     * name also stands as the agent when only the code is sent; chlorhexidine is OTHER with its name, as the form
     * records it. Systems that send only a name are read by {@link #allergyCategory(String)}.
     */
    public enum Allergen {
        IODINATED_CONTRAST(AllergyCategory.IODINATED_CONTRAST, "Iodinated contrast media", "426722004"),
        LATEX(AllergyCategory.LATEX, "Latex", "111088007"),
        LIDOCAINE(AllergyCategory.LOCAL_ANAESTHETIC, "Lidocaine", "387480006"),
        CHLORHEXIDINE(AllergyCategory.OTHER, "Chlorhexidine", "373568007");

        private final AllergyCategory category;
        private final String agent;
        private final String snomed;

        Allergen(AllergyCategory category, String agent, String snomed) {
            this.category = category;
            this.agent = agent;
            this.snomed = snomed;
        }

        public AllergyCategory category() {
            return category;
        }

        public String agent() {
            return agent;
        }

        public String snomed() {
            return snomed;
        }
    }

    /**
     * SNOMED CT substance codes of the blood thinners, as MedicationStatement and MedicationRequest carry them
     * (also inside dm+d product codings, whose display names are read when no substance code is given).
     * Enoxaparin's dose class comes from the dose, as by name.
     */
    public enum AntithromboticSubstance {
        WARFARIN(Antithrombotic.WARFARIN, "372756006"),
        APIXABAN(Antithrombotic.APIXABAN, "698090000"),
        RIVAROXABAN(Antithrombotic.RIVAROXABAN, "442031002"),
        EDOXABAN(Antithrombotic.EDOXABAN, "712778008"),
        DABIGATRAN(Antithrombotic.DABIGATRAN, "698871007"),
        ENOXAPARIN(Antithrombotic.ENOXAPARIN_THERAPEUTIC, "372562003"),
        ASPIRIN(Antithrombotic.ASPIRIN, "387458008"),
        CLOPIDOGREL(Antithrombotic.CLOPIDOGREL, "386952008"),
        DIPYRIDAMOLE(Antithrombotic.DIPYRIDAMOLE, "387371005");

        private final Antithrombotic drug;
        private final String snomed;

        AntithromboticSubstance(Antithrombotic drug, String snomed) {
            this.drug = drug;
            this.snomed = snomed;
        }

        public Antithrombotic drug() {
            return drug;
        }

        public String snomed() {
            return snomed;
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

    /** The allergen a SNOMED CT substance code names, if it is one the referral's classes know by code. */
    public static Optional<Allergen> allergen(String snomedCode) {
        return Arrays.stream(Allergen.values()).filter(a -> a.snomed.equals(snomedCode)).findFirst();
    }

    /**
     * The referral's allergy class for an allergen known only by name (HL7 AL1, a FHIR coding without a known
     * code), through the engine's own words; shellfish, povidone-iodine and the rest are OTHER with their name.
     */
    public static AllergyCategory allergyCategory(String agent) {
        return switch (org.synovia.safety.AllergyCategory.fromAgent(agent)) {
            case LOCAL_ANAESTHETIC -> AllergyCategory.LOCAL_ANAESTHETIC;
            case CORTICOSTEROID -> AllergyCategory.CORTICOSTEROID;
            case IODINATED_CONTRAST -> AllergyCategory.IODINATED_CONTRAST;
            case LATEX -> AllergyCategory.LATEX;
            case SHELLFISH, POVIDONE_IODINE, OTHER -> AllergyCategory.OTHER;
        };
    }

    /**
     * The blood thinner a medicine is, by SNOMED CT substance code or else by name; a low-molecular-weight heparin
     * by dose, prophylactic up to 40 mg enoxaparin a day (BNF). Null for any other medicine.
     */
    public static Antithrombotic antithrombotic(String snomedCode, String name, Double doseMg) {
        Optional<Antithrombotic> coded = Arrays.stream(AntithromboticSubstance.values())
                .filter(s -> s.snomed.equals(snomedCode)).map(AntithromboticSubstance::drug).findFirst();
        if (coded.isPresent() && coded.get().kind() != Antithrombotic.Kind.HEPARIN) {
            return coded.get();
        }
        String n = (name == null ? "" : name.toLowerCase(Locale.ROOT)) + (coded.isPresent() ? " enoxaparin" : "");
        if (n.isBlank()) {
            return null;
        }
        if (n.contains("enoxaparin")) {
            return doseMg != null && doseMg <= 40 ? Antithrombotic.ENOXAPARIN_PROPHYLACTIC : Antithrombotic.ENOXAPARIN_THERAPEUTIC;
        }
        if (n.contains("dalteparin")) {
            return Antithrombotic.DALTEPARIN_THERAPEUTIC;
        }
        if (n.contains("heparin")) {
            return n.contains("intraven") ? Antithrombotic.HEPARIN_INTRAVENOUS : Antithrombotic.HEPARIN_SUBCUTANEOUS;
        }
        for (Antithrombotic drug : Antithrombotic.values()) {
            String word = drug.name().split("_")[0].toLowerCase(Locale.ROOT);
            if (n.contains(word)) {
                return drug;
            }
        }
        return null;
    }

    /**
     * A yes/no question's answer as a SNOMED CT qualifier value (373066001 yes, 373067005 no, 261665006 unknown);
     * empty for any other code.
     */
    public static Optional<YesNoUnknown> answerCode(String code) {
        return Optional.ofNullable(switch (code == null ? "" : code) {
            case ANSWER_YES -> YesNoUnknown.YES;
            case ANSWER_NO -> YesNoUnknown.NO;
            case ANSWER_UNKNOWN -> YesNoUnknown.NOT_KNOWN;
            default -> null;
        });
    }

    /** The yes/no question a SNOMED CT finding asks or answers, if any. */
    public static Optional<Question> questionBySnomed(String code) {
        return Arrays.stream(Question.values()).filter(q -> q.snomed.contains(code)).findFirst();
    }

    /** Creatinine in µmol/L from a result in µmol/L or mg/dL (by its unit). */
    public static double creatinineUmolPerL(double value, String unit) {
        return unit != null && unit.replace(" ", "").equalsIgnoreCase("mg/dL") ? value * CREATININE_MG_DL_TO_UMOL_L : value;
    }

    /**
     * The pregnancy answer a LOINC 82810-3 result gives, in LOINC answers or SNOMED CT findings (77386006
     * pregnant, 60001007 not pregnant); unknown is "possibly pregnant", not "not pregnant".
     */
    public static Optional<PregnancyPossibility> pregnancyStatus(String answerCode) {
        return Optional.ofNullable(switch (answerCode == null ? "" : answerCode) {
            case PREGNANT, SNOMED_PREGNANT -> PregnancyPossibility.PREGNANT;
            case NOT_PREGNANT, SNOMED_NOT_PREGNANT -> PregnancyPossibility.NOT_PREGNANT;
            case PREGNANCY_UNKNOWN, ANSWER_UNKNOWN -> PregnancyPossibility.POSSIBLE;
            default -> null;
        });
    }

    /** Diabetes by SNOMED CT disorder: 46635009 type 1, 44054006 type 2, 73211009 diabetes mellitus (type not given). */
    public static final java.util.Map<String, DiabetesType> DIABETES_SNOMED = orderedMap("46635009", DiabetesType.TYPE_1,
            "44054006", DiabetesType.TYPE_2, "73211009", DiabetesType.OTHER);

    /** Diabetes by ICD-10 category: E10 type 1, E11 type 2, E13 and E14 other. */
    public static final java.util.Map<String, DiabetesType> DIABETES_ICD_10 = orderedMap("E10", DiabetesType.TYPE_1,
            "E11", DiabetesType.TYPE_2, "E13", DiabetesType.OTHER, "E14", DiabetesType.OTHER);

    /** Diabetes from SNOMED CT or ICD-10 ({@link #DIABETES_SNOMED}, {@link #DIABETES_ICD_10}); null for any other code. */
    public static DiabetesType diabetes(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (DIABETES_SNOMED.containsKey(c)) {
            return DIABETES_SNOMED.get(c);
        }
        return c.length() < 3 ? null : DIABETES_ICD_10.get(c.substring(0, 3));
    }

    private static java.util.Map<String, DiabetesType> orderedMap(Object... pairs) {
        java.util.Map<String, DiabetesType> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (DiabetesType) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
