package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.YesNoUnknown;

/** The one code table every door reads through. */
class ClinicalCodesTests {

    @ParameterizedTest(name = "LOINC {0} → {1}")
    @CsvSource({
            "29463-7, WEIGHT_KG", "3141-9, WEIGHT_KG", "8302-2, HEIGHT_CM", "14682-9, CREATININE_UMOL_L",
            "2160-0, CREATININE_UMOL_L", "33914-3, EGFR", "62238-1, EGFR", "98979-8, EGFR", "69405-9, EGFR",
            "59261-8, HBA1C_MMOL_MOL", "6301-6, INR", "34714-6, INR", "38875-1, INR", "8665-2, LAST_MENSTRUAL_PERIOD"})
    void findsEachMeasuredFactByEveryLoincCodeThatCarriesIt(String loinc, ClinicalCodes.Measured fact) {
        assertThat(ClinicalCodes.byLoinc(loinc)).contains(fact);
        assertThat(ClinicalCodes.measured(fact.localCode())).contains(fact);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {"Y, YES", "y, YES", "N, NO", "U, NOT_KNOWN", "UNK, NOT_KNOWN", "true, YES", "false, NO",
            "YES, YES", "NOT_KNOWN, NOT_KNOWN", "'', NOT_KNOWN", "NULL, NOT_KNOWN"}, nullValues = "NULL")
    void readsYesNoAndNotKnownAndAnAbsentAnswerIsNotKnown(String value, YesNoUnknown expected) {
        assertThat(ClinicalCodes.answer(value, "OBX X")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"maybe", "2", "si"})
    void refusesAnAnswerThatIsNotYesNoOrNotKnownNamingItsPlace(String value) {
        assertThatThrownBy(() -> ClinicalCodes.answer(value, "OBX OLDER_AGE")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OBX OLDER_AGE");
    }

    @ParameterizedTest(name = "{0} {1} → {2} µmol/L")
    @CsvSource({"1.0, mg/dL, 88.4", "1.2, mg/dL, 106.08", "90, umol/L, 90", "90, , 90"})
    void convertsCreatinineInMgPerDl(double value, String unit, double expected) {
        assertThat(ClinicalCodes.creatinineUmolPerL(value, unit)).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {"LA15173-0, PREGNANT", "LA26683-5, NOT_PREGNANT", "LA4489-6, POSSIBLE", "LA9999-9, NULL",
            "77386006, PREGNANT", "60001007, NOT_PREGNANT", "261665006, POSSIBLE", "373067005, NULL"},
            nullValues = "NULL")
    void readsPregnancyStatusAnswersAndTakesUnknownAsPossible(String code, PregnancyPossibility expected) {
        assertThat(ClinicalCodes.pregnancyStatus(code).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {"46635009, TYPE_1", "44054006, TYPE_2", "73211009, OTHER", "E10.9, TYPE_1", "E11, TYPE_2",
            "E13.1, OTHER", "E14, OTHER", "M17.1, NULL", "I10, NULL"}, nullValues = "NULL")
    void readsDiabetesFromSnomedCtAndIcd10(String code, DiabetesType expected) {
        assertThat(ClinicalCodes.diabetes(code)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SNOMED CT {0} → {1}")
    @CsvSource(value = {"373066001, YES", "373067005, NO", "261665006, NOT_KNOWN", "77386006, NULL", "Y, NULL"},
            nullValues = "NULL")
    void readsSnomedYesNoAndUnknownAnswerCodes(String code, YesNoUnknown expected) {
        assertThat(ClinicalCodes.answerCode(code).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SNOMED CT {0} → {1}")
    @CsvSource(value = {"19943007, ADVANCED_LIVER_DISEASE", "46177005, ADVANCED_RENAL_DISEASE", "73211009, NULL"},
            nullValues = "NULL")
    void findsTheQuestionASnomedFindingAnswers(String code, ClinicalCodes.Question expected) {
        assertThat(ClinicalCodes.questionBySnomed(code).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SNOMED CT {0} → {1} {2}")
    @CsvSource({"426722004, IODINATED_CONTRAST, Iodinated contrast media", "111088007, LATEX, Latex",
            "387480006, LOCAL_ANAESTHETIC, Lidocaine", "373568007, OTHER, Chlorhexidine"})
    void classesEachAllergenBySubstanceCodeAsTheFormDoes(String code, AllergyCategory category, String agent) {
        assertThat(ClinicalCodes.allergen(code)).get().satisfies(a -> {
            assertThat(a.category()).isEqualTo(category);
            assertThat(a.agent()).isEqualTo(agent);
        });
        assertThat(ClinicalCodes.allergyCategory(agent)).isEqualTo(category);
    }

    @ParameterizedTest(name = "{0} / {1} / {2} mg → {3}")
    @CsvSource(value = {
            "372756006, NULL, NULL, WARFARIN", "698090000, NULL, NULL, APIXABAN", "442031002, NULL, NULL, RIVAROXABAN",
            "712778008, NULL, NULL, EDOXABAN", "698871007, NULL, NULL, DABIGATRAN", "387458008, NULL, NULL, ASPIRIN",
            "386952008, NULL, NULL, CLOPIDOGREL", "387371005, NULL, NULL, DIPYRIDAMOLE",
            "372562003, NULL, 40, ENOXAPARIN_PROPHYLACTIC", "372562003, NULL, 41, ENOXAPARIN_THERAPEUTIC",
            "NULL, Apixaban 5mg tablets, NULL, APIXABAN", "999999, Eliquis apixaban, NULL, APIXABAN",
            "NULL, Enoxaparin 40mg/0.4ml, 40, ENOXAPARIN_PROPHYLACTIC", "NULL, Paracetamol, NULL, NULL",
            "NULL, NULL, NULL, NULL"}, nullValues = "NULL")
    void findsEachBloodThinnerBySubstanceCodeOrName(String code, String name, Double doseMg, org.synovia.shared.Antithrombotic expected) {
        assertThat(ClinicalCodes.antithrombotic(code, name, doseMg)).isEqualTo(expected);
    }
}
